using Azure.Data.Tables;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Reminders;

public enum ReminderState { Sent, Failed, Skipped }

/// <summary>What became of one reminder: sent (with Twilio's sid), failed (why; <paramref name="ErrorCode"/> is Twilio's) or
/// skipped (the appointment was cancelled, moved or started meanwhile).</summary>
public sealed record ReminderRecord(int MinutesBefore, DateTimeOffset DueUtc, ReminderState State, DateTimeOffset AtUtc,
    string? Reason = null, int? ErrorCode = null, string? ProviderSid = null);

/// <summary>Each reminder's outcome, one row per (appointment, offset) beside the appointment ("r|id|minutes" rows of the
/// appointments table), for the console and the admin API.</summary>
public sealed class ReminderLog(TurnosTables tables, WhatsAppTables messages)
{
    /// <summary>Remembers which reminder a sent message was, under Twilio's sid, for its status callback (beside the reply
    /// claims of the <c>messages</c> table, whose retention removes it after a week).</summary>
    public async Task TrackAsync(string providerSid, string businessId, string appointmentId, ReminderRecord sent, CancellationToken ct)
    {
        var row = new TableEntity(WhatsAppTables.MessagePartition(providerSid), providerSid + "|reminder")
        {
            ["BusinessId"] = businessId,
            ["AppointmentId"] = appointmentId,
            ["MinutesBefore"] = sent.MinutesBefore,
            ["DueUtc"] = sent.DueUtc,
            ["CompletedUtc"] = sent.AtUtc,
        };
        await messages.Messages.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    /// <summary>The reminder a message was, with its record as it stands; null for any other message.</summary>
    public async Task<(string BusinessId, string AppointmentId, ReminderRecord Record)?> FindTrackedAsync(string providerSid, CancellationToken ct)
    {
        var row = await messages.Messages.FindAsync(WhatsAppTables.MessagePartition(providerSid), providerSid + "|reminder", ct: ct);
        if (row?.GetString("BusinessId") is not { } businessId || row.GetString("AppointmentId") is not { } appointmentId) return null;
        var minutes = row.GetInt32("MinutesBefore") ?? 0;
        var record = (await ListAsync(businessId, appointmentId, ct)).FirstOrDefault(r => r.MinutesBefore == minutes)
            ?? new ReminderRecord(minutes, row.GetDateTimeOffset("DueUtc") ?? default, ReminderState.Sent, row.GetDateTimeOffset("CompletedUtc") ?? default,
                ProviderSid: providerSid);
        return (businessId, appointmentId, record);
    }

    public async Task RecordAsync(string businessId, string appointmentId, ReminderRecord r, CancellationToken ct)
    {
        var row = new TableEntity(businessId, $"{Prefix(appointmentId)}{r.MinutesBefore:D5}")
        {
            ["MinutesBefore"] = r.MinutesBefore,
            ["DueUtc"] = r.DueUtc,
            ["State"] = r.State.ToString(),
            ["AtUtc"] = r.AtUtc,
            ["Reason"] = r.Reason,
            ["ErrorCode"] = r.ErrorCode,
            ["ProviderSid"] = r.ProviderSid,
        };
        await tables.Appointments.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    /// <summary>The appointment's recorded reminders, earliest due first.</summary>
    public async Task<IReadOnlyList<ReminderRecord>> ListAsync(string businessId, string appointmentId, CancellationToken ct)
    {
        var prefix = Prefix(appointmentId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {businessId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var list = new List<ReminderRecord>();
        await foreach (var row in tables.Appointments.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            list.Add(new ReminderRecord(row.GetInt32("MinutesBefore") ?? 0, row.GetDateTimeOffset("DueUtc") ?? default,
                Enum.Parse<ReminderState>(row.GetString("State") ?? nameof(ReminderState.Failed)), row.GetDateTimeOffset("AtUtc") ?? default,
                row.GetString("Reason"), row.GetInt32("ErrorCode"), row.GetString("ProviderSid")));
        return [.. list.OrderBy(r => r.DueUtc)];
    }

    private static string Prefix(string appointmentId) => $"r|{appointmentId}|";
}
