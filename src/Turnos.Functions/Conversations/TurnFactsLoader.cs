using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Conversations;

/// <summary>Loads what a turn may need to decide: held time around the day in question, the customer's
/// profile and, when managing appointments, their upcoming ones.</summary>
public sealed class TurnFactsLoader(ScheduleStore schedule, CustomerStore customers, AppointmentStore appointments, GoogleBusyTimes googleBusy)
{
    /// <summary>Days after the day in question whose availability is loaded, for alternatives.</summary>
    private const int DaysAhead = 7;
    private const int HistoryChecked = 20;

    public async Task<TurnFacts> LoadAsync(BusinessSnapshot snapshot, ConversationState state, Understanding u, DateTimeOffset now, CancellationToken ct)
    {
        var id = snapshot.Business.Id;
        var today = LocalTime.Today(now, snapshot.Business.TimeZone);
        var day = u.Date ?? state.Draft.Date ?? today;
        if (day < today) day = today;
        var from = day.AddDays(-1);
        var until = day.AddDays(DaysAhead);
        var heldTask = schedule.ReadAsync(id, from, until, ct);
        var googleTask = googleBusy.GetAsync(snapshot, from, until, fresh: false, ct);
        var customerTask = customers.GetAsync(id, state.CustomerPhone, ct);
        var held = await heldTask;
        var customer = await customerTask;

        IReadOnlyList<Appointment>? upcoming = null;
        if (u.Intent is Intent.Cancel or Intent.Reschedule || state.Mode is ConversationMode.Cancelling or ConversationMode.Rescheduling)
        {
            var ids = (customer?.AppointmentIds ?? []).TakeLast(HistoryChecked);
            var found = await Task.WhenAll(ids.Select(a => appointments.GetAsync(id, a, ct)));
            upcoming = [.. found.Where(f => f is { Appointment.Status: AppointmentStatus.Booked } && f.Value.Appointment.StartUtc > now)
                .Select(f => f!.Value.Appointment)];
        }
        var busy = held.Select(h => new BusyInterval(h.ProfessionalId, h.FromUtc, h.UntilUtc, h.AppointmentId)).ToList();
        busy.AddRange(await googleTask);
        // The first day loaded only serves ranges that run past midnight into the day asked for.
        return new TurnFacts(snapshot, busy, day, until, now, customer?.Name, customer?.Email, upcoming);
    }
}
