using Turnos.Core.Booking;

namespace Turnos.Functions.Booking;

/// <summary>
/// One booking per idempotency key. The first request claims the key; a repeat gets the appointment
/// the claim completed with; a repeat arriving while the first is still at work waits briefly for it.
/// A claim left pending by a process that died is taken over after <see cref="StaleAfter"/>.
/// </summary>
internal sealed class IdempotencyClaims(AppointmentStore appointments, TimeProvider time)
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);
    private const int MaxPolls = 100; // about 5 s: counted, not timed, so a frozen test clock cannot hang it

    /// <summary>Either a fresh claim for <paramref name="appointmentId"/>, or the result to return.</summary>
    public async Task<(Claim? Claim, BookingResult? Earlier)> AcquireAsync(string businessId, string key, string appointmentId, CancellationToken ct)
    {
        for (var poll = 0; ; poll++)
        {
            var now = time.GetUtcNow();
            var (claimed, claim) = await appointments.ClaimAsync(businessId, key, appointmentId, now, ct);
            if (claimed) return (claim, null);
            if (claim.Completed) return (null, await ReplayAsync(businessId, key, ct) ?? new BookingResult.Refused(BookingRefusal.InProgress));
            if (now - claim.ClaimedUtc > StaleAfter
                && await appointments.TakeOverClaimAsync(businessId, key, claim, appointmentId, now, ct) is { } taken)
                return (taken, null);
            if (poll >= MaxPolls) return (null, new BookingResult.Refused(BookingRefusal.InProgress));
            await Task.Delay(PollEvery, time, ct);
        }
    }

    /// <summary>The appointment a completed claim booked, if there is one.</summary>
    public async Task<BookingResult?> ReplayAsync(string businessId, string? key, CancellationToken ct)
    {
        if (key is null || await appointments.GetClaimAsync(businessId, key, ct) is not { Completed: true } claim) return null;
        var existing = await appointments.GetAsync(businessId, claim.AppointmentId, ct);
        return existing is { } e ? new BookingResult.Booked(e.Appointment, Replayed: true) : null;
    }
}
