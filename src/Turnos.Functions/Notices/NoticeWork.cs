using Microsoft.DurableTask.Client;
using Turnos.Core.Notices;
using Turnos.Functions.Businesses;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.Notices;

/// <summary>One change of one appointment to tell its professionals of: ids only, since everything an orchestration is given
/// stays in its history. For <see cref="NoticeKind.Moved"/> the appointment is the replacement.</summary>
public sealed record NoticeWork(string BusinessId, string AppointmentId, NoticeKind Kind)
{
    private const string Prefix = "notice:";

    /// <summary>One orchestration instance per (appointment, kind): a second start of the same change is a no-op.</summary>
    public string InstanceId => $"{Prefix}{BusinessId}:{AppointmentId}:{KindName}";

    /// <summary>"new", "cancelled" or "moved", as instance ids, claims and logs say it.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    public static NoticeWork FromInstanceId(string instanceId)
    {
        var (ids, kind) = DurableStarts.SplitInstanceId(Prefix, instanceId, "a notice");
        var (businessId, appointmentId) = DurableStarts.SplitInstanceId("", ids, "a notice");
        return Enum.GetValues<NoticeKind>().Select(k => new NoticeWork(businessId, appointmentId, k)).FirstOrDefault(w => w.KindName == kind)
            ?? throw new ArgumentException($"'{instanceId}' is not a notice instance id.", nameof(instanceId));
    }
}

/// <summary>
/// Starts the notices of a change once it is committed (booked, cancelled, moved), unless no professional of the business
/// has a WhatsApp number (then there is nobody to tell, and no instance is made). Never fails its caller.
/// </summary>
public sealed partial class NoticeStarter(CatalogStore catalog, ILogger<NoticeStarter> logger)
{
    public async Task StartAsync(DurableTaskClient client, string businessId, string appointmentId, NoticeKind kind, CancellationToken ct)
    {
        try
        {
            var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
            if (snapshot is null || snapshot.Professionals.All(p => p.WhatsAppNumber is null)) return;
            await client.StartUnlessLiveAsync(NoticeOrchestrator.Name, new NoticeWork(businessId, appointmentId, kind).InstanceId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotStarted(e, kind, businessId, appointmentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices of {Kind} appointment {AppointmentId} in {BusinessId} not started")]
    private partial void LogNotStarted(Exception exception, NoticeKind kind, string businessId, string appointmentId);
}
