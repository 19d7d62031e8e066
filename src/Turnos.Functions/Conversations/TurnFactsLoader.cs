using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Booking;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Conversations;

/// <summary>The customer's row and, while their last reminder may still be waiting for an answer, the appointment it was
/// about.</summary>
public sealed record KnownCustomer(Customer? Customer, Reminded? Reminder);

/// <summary>Loads what a turn may need to decide: the customer (first, since a reminder changes how the message reads),
/// then held time around the day in question and, when managing appointments, their upcoming ones.</summary>
public sealed class TurnFactsLoader(ScheduleStore schedule, CustomerStore customers, AppointmentStore appointments, GoogleBusyTimes googleBusy)
{
    /// <summary>Days after the day in question whose availability is loaded, for alternatives.</summary>
    private const int DaysAhead = 7;
    private const int HistoryChecked = 20;

    /// <summary>The customer's row; the reminded appointment costs one point read, and only while the reminder awaits an
    /// answer (sent after the customer's last message, not seen by a turn yet).</summary>
    public async Task<KnownCustomer> LoadCustomerAsync(string businessId, ConversationState state, CancellationToken ct)
    {
        var customer = await customers.GetAsync(businessId, state.CustomerPhone, ct);
        if (!ConversationEngine.AwaitsAnswer(state, customer?.LastReminder)) return new(customer, null);
        var last = customer!.LastReminder!;
        var found = await appointments.GetAsync(businessId, last.AppointmentId, ct);
        return new(customer, found is var (appointment, _) ? new Reminded(appointment, last.SentUtc) : null);
    }

    public async Task<TurnFacts> LoadAsync(BusinessSnapshot snapshot, ConversationState state, Understanding u, KnownCustomer known, DateTimeOffset now,
        CancellationToken ct)
    {
        var id = snapshot.Business.Id;
        var today = LocalTime.Today(now, snapshot.Business.TimeZone);
        var day = u.Date ?? state.Draft.Date ?? today;
        if (day < today) day = today;
        var from = day.AddDays(-1);
        var until = day.AddDays(DaysAhead);
        var heldTask = schedule.ReadAsync(id, from, until, ct);
        var googleTask = googleBusy.GetAsync(snapshot, from, until, fresh: false, ct);
        var held = await heldTask;
        var customer = known.Customer;

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
        return new TurnFacts(snapshot, busy, day, until, now, customer?.Name, customer?.Email, upcoming, known.Reminder);
    }
}
