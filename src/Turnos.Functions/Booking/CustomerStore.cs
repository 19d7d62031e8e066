using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Turnos.Core.Booking;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Booking;

/// <summary>Customers, recognised by phone within a business ("u|hash of phone" rows of the appointments table).</summary>
public sealed class CustomerStore(TurnosTables tables, TimeProvider time)
{
    private const int HistoryLimit = 200;

    public async Task<Customer?> GetAsync(string businessId, string phone, CancellationToken ct = default)
    {
        var row = await tables.Appointments.FindAsync(businessId, Key(phone), ct: ct);
        return row is null ? null : Read(businessId, phone, row);
    }

    /// <summary>Remembers the customer's latest name and email and adds the appointment to their history.</summary>
    public async Task RecordBookingAsync(Appointment appointment, CancellationToken ct = default)
    {
        var c = appointment.Customer;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = time.GetUtcNow();
            var row = await tables.Appointments.FindAsync(appointment.BusinessId, Key(c.Phone), ct: ct);
            var current = row is null ? null : Read(appointment.BusinessId, c.Phone, row);
            if (current?.AppointmentIds.Contains(appointment.Id) == true) return; // recorded, perhaps by a retried write
            var history = (current?.AppointmentIds ?? []).Where(id => id != appointment.Id).Append(appointment.Id).TakeLast(HistoryLimit);
            var entity = new TableEntity(appointment.BusinessId, Key(c.Phone))
            {
                ["Phone"] = c.Phone,
                ["Name"] = string.IsNullOrWhiteSpace(c.Name) ? current?.Name : c.Name,
                ["Email"] = c.Email ?? current?.Email,
                ["AppointmentIds"] = JsonSerializer.Serialize(history),
                ["CreatedUtc"] = current?.CreatedUtc ?? now,
                ["UpdatedUtc"] = now,
                [ReminderIdColumn] = current?.LastReminder?.AppointmentId,
                [ReminderUtcColumn] = current?.LastReminder?.SentUtc,
            };
            var result = row is null
                ? await tables.Appointments.TryAddAsync(entity, ct)
                : await tables.Appointments.TryUpdateAsync(entity, row.ETag!, ct: ct);
            if (result.IsSuccess) return;
        }
        throw new InvalidOperationException("Could not record the customer's booking after 5 attempts (concurrent updates).");
    }

    /// <summary>Remembers the appointment a reminder was just sent about: the customer's answer is about it.</summary>
    public async Task RecordReminderAsync(string businessId, string phone, string appointmentId, DateTimeOffset sentUtc, CancellationToken ct = default)
    {
        // A merge of two columns, so a booking recorded meanwhile keeps its history.
        var entity = new TableEntity(businessId, Key(phone)) { ["Phone"] = phone, [ReminderIdColumn] = appointmentId, [ReminderUtcColumn] = sentUtc };
        await tables.Appointments.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct);
    }

    private const string ReminderIdColumn = "LastReminderId", ReminderUtcColumn = "LastReminderUtc";

    private static Customer Read(string businessId, string phone, TableEntity row) => new(
        businessId, phone, row.GetString("Name"), row.GetString("Email"),
        JsonSerializer.Deserialize<List<string>>(row.GetString("AppointmentIds") ?? "[]") ?? [],
        row.GetDateTimeOffset("CreatedUtc") ?? default, row.GetDateTimeOffset("UpdatedUtc") ?? default,
        row.GetString(ReminderIdColumn) is { } reminded ? new LastReminder(reminded, row.GetDateTimeOffset(ReminderUtcColumn) ?? default) : null);

    // A hash, not the phone itself: row keys travel in request URLs, which SDK diagnostics may log.
    private static string Key(string phone) => AppointmentStore.HashedKey("u|", phone);
}
