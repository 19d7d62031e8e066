using System.Globalization;
using Turnos.Core.Availability;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Functions.Availability.Api;

/// <summary>Turns the engine's result into the source contract's response at the caller's level of detail.</summary>
internal static class AvailabilityResponse
{
    /// <summary>A professional is busy in Google Calendar: there is no appointment of ours to name.</summary>
    public const string GoogleBusyNote = "Ocupado en Google Calendar";

    /// <summary>Appointments whose customers the answer will name: only booked slots a staff caller is shown.</summary>
    public static IReadOnlyCollection<string> NamedAppointments(AvailabilityResult result, SlotDetail detail, bool onlyAvailable) =>
        detail != SlotDetail.Staff || onlyAvailable
            ? []
            : result.Days.SelectMany(d => d.Professionals).SelectMany(p => p.Slots)
                .Select(s => s.AppointmentId).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static AvailabilityData Build(BusinessSnapshot snapshot, AvailabilityResult result, SlotDetail detail, bool onlyAvailable,
        IReadOnlyDictionary<string, string> customerNames, DateTimeOffset nowUtc)
    {
        var blocks = snapshot.Blocks.OrderBy(b => b.StartUtc).ToArray();
        var days = new DateJson[result.Days.Count];
        for (var i = 0; i < days.Length; i++)
        {
            var day = result.Days[i];
            var professionals = new ProfessionalJson[day.Professionals.Count];
            for (var p = 0; p < professionals.Length; p++)
            {
                var pd = day.Professionals[p];
                var slots = new List<ISlotJson>(onlyAvailable ? pd.AvailableCount : pd.Slots.Count);
                foreach (var slot in pd.Slots)
                {
                    if (onlyAvailable && !slot.Available) continue;
                    slots.Add(detail switch
                    {
                        SlotDetail.Customer => new CustomerSlotJson(Time(slot.LocalTime), slot.Available),
                        SlotDetail.Bot => new BotSlotJson(Time(slot.LocalTime), slot.Available, slot.Reason is { } r ? ReasonCodes.Generic(r) : null),
                        _ => Staff(slot, pd.ProfessionalId, blocks, customerNames),
                    });
                }
                professionals[p] = new ProfessionalJson(pd.ProfessionalId, pd.Name, slots, pd.AvailableCount, Hours(pd.Hours));
            }
            days[i] = new DateJson(Date(day.Date), SpanishFormat.DayName(day.Date.DayOfWeek), professionals, day.AvailableCount);
        }

        var service = result.Service;
        var offset = snapshot.Business.TimeZone.GetUtcOffset(nowUtc);
        return new AvailabilityData(
            new ServiceJson(service.Id, service.Name, service.DurationMinutes, service.Price),
            days,
            new MetadataJson(
                result.Days[0].Professionals.Count,
                new DateRangeJson(Date(result.Days[0].Date), Date(result.Days[^1].Date)),
                nowUtc.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
    }

    private static StaffSlotJson Staff(Slot slot, string professionalId, Block[] blocks, IReadOnlyDictionary<string, string> customerNames)
    {
        var note = slot.Reason switch
        {
            UnavailableReason.Blocked => blocks.FirstOrDefault(b => (b.ProfessionalId is null || b.ProfessionalId == professionalId)
                && b.StartUtc < slot.EndUtc && b.EndUtc > slot.StartUtc)?.Reason,
            UnavailableReason.Booked when slot.AppointmentId is null => GoogleBusyNote,
            _ => null,
        };
        var customer = slot.AppointmentId is { } id && customerNames.TryGetValue(id, out var name) ? name : null;
        return new StaffSlotJson(Time(slot.LocalTime), slot.Available, slot.FreeMinutes,
            slot.Reason is { } r ? ReasonCodes.Full(r) : null, slot.AppointmentId, customer, note);
    }

    /// <summary>From the first range's start to the last one's end; null on a closed day.</summary>
    private static WorkingHoursJson? Hours(IReadOnlyList<WorkingRange> ranges) =>
        ranges.Count == 0 ? null : new(WorkingRange.Format(ranges[0].StartMinute), WorkingRange.Format(ranges.Max(r => r.EndMinute)));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => SpanishFormat.Time(time);
}
