using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using static Turnos.Core.Conversations.EnglishFormat;

namespace Turnos.Core.Conversations;

/// <summary>What the assistant says in English: the same replies as <see cref="Replies"/>, short, WhatsApp formatting;
/// the persona's texts from <c>persona.en</c>.</summary>
internal sealed partial class EnglishReplyTexts : ReplyTexts
{
    public static readonly EnglishReplyTexts Instance = new();

    public override string Greeting(Business b, string? name)
    {
        if (b.Persona.En?.Greeting is { Length: > 0 } custom) return Fill(custom, b);
        return name is null
            ? $"Hi! 👋 I'm {b.Persona.BotName}, the assistant of *{b.Name}*."
            : $"Hi again, {FirstName(name)}! 👋 I'm {b.Persona.BotName}, from *{b.Name}*.";
    }

    public override string Menu => "I can help you *book*, *change* or *cancel* an appointment, or tell you our *prices*. What do you need?";

    public override string Farewell(Business b) =>
        b.Persona.En?.Farewell is { Length: > 0 } custom ? Fill(custom, b) : "Thanks for writing! I'm here whenever you need me. 😊";

    public override string Unknown(Business b) => b.Persona.En?.UnknownPhrase is { Length: > 0 } custom ? Fill(custom, b) : "Sorry, I didn't quite get that. 🙈";

    public override string Handoff(Business b) => $"Done, I'm letting the *{b.Name}* team know so a person writes to you as soon as possible. 🙌";

    public override string AskService(BusinessSnapshot s) => "Which service would you like to book? We have:\n" + ServiceLines(s) + "\nJust write the one you want.";

    public override string PriceList(BusinessSnapshot s) => "These are our services:\n" + ServiceLines(s);

    public override string PriceOf(Service service, Business b) =>
        $"*{service.Name}* costs {Price(service.Price, b.Currency)} and takes {Minutes(service.DurationMinutes)}.";

    public override string AskDate => "What day would you like? You can say, for example, *tomorrow* or *on Friday*.";
    public override string AskNewDate => "What day and time would you like to move it to?";
    public override string AskName => "What name should I book it under?";
    public override string AskEmail => "Could you give me your email? The appointment invitation goes there. 📧";
    public override string AskConfirm => "Shall I confirm? Reply *yes* or *no*.";
    public override string AskWhich => "Which one? Reply with the number.";
    private const string AskTime = "What time would you prefer?";

    public override string NameProblem(NameProblem problem) => problem switch
    {
        Conversations.NameProblem.HasDigits => "A name can't have numbers. Could you write it again? For example: *Anna Smith*.",
        Conversations.NameProblem.TooShort => "That name is too short. What are your first and last name?",
        Conversations.NameProblem.TooLong => "That name is too long (100 letters at most). Could you write it shorter?",
        _ => "I can only take letters, spaces, hyphens and apostrophes in a name. Could you write it again?",
    };

    public override string EmailProblem(EmailProblem problem) => problem switch
    {
        Conversations.EmailProblem.LooksLikePhone => "That looks like a phone number. 🙂 I need your *email*, for example: name@gmail.com",
        Conversations.EmailProblem.TooLong => "That email is too long. Could you give me another one?",
        _ => "That email doesn't look valid. Could you write it again? For example: name@gmail.com",
    };

    public override string FreeTimes(DateOnly date, DateOnly today, IReadOnlyList<OfferedSlot> slots, TimeZoneInfo zone, string? with) =>
        $"{SpanishFormat.Capitalize(OnDay(date, today))} I have {List(slots.Select(s => Time(TimeOnly.FromDateTime(LocalTime.ToLocal(s.StartUtc, zone)))))} free" +
        (with is null ? ". " : $" (with {FirstName(with)}). ") + AskTime;

    public override string Options(string intro, IReadOnlyList<OfferedSlot> slots, BusinessSnapshot s, DateOnly today) =>
        intro + "\n" + string.Join("\n", slots.Select((o, i) => $"{i + 1}) {SlotText(o, s, today)}")) + "\nDoes any of these work? Reply with the number.";

    public override string SlotText(OfferedSlot o, BusinessSnapshot s, DateOnly today)
    {
        var local = LocalTime.ToLocal(o.StartUtc, s.Business.TimeZone);
        return $"{RelativeDay(DateOnly.FromDateTime(local), today)} at {Time(TimeOnly.FromDateTime(local))} with {List(VisitText.FirstNames(o, s))}";
    }

    public override string Summary(string intro, IReadOnlyList<Service> visit, OfferedSlot slot, BusinessSnapshot s)
    {
        if (visit.Count > 1) return VisitText.English(intro, visit, slot, s);
        var service = visit[0];
        var local = LocalTime.ToLocal(slot.StartUtc, s.Business.TimeZone);
        return $"{intro}\n*{service.Name}*\n📅 {Day(DateOnly.FromDateTime(local))} at {Time(TimeOnly.FromDateTime(local))}\n" +
            $"💇 with {s.FindProfessional(slot.ProfessionalId)?.Name}\n💲 {Price(service.Price, s.Business.Currency)}";
    }

    public override string AppointmentLine(AppointmentChoice a, BusinessSnapshot s, DateOnly today) =>
        $"{VisitText.Names(a.Services, s, " and ")}, {SlotText(new OfferedSlot(a.ProfessionalId, a.StartUtc, a.Team), s, today)}";

    public override string Booked(Appointment a, BusinessSnapshot s) => Done("All set! Your appointment is booked ✅", a, s);

    public override string Rescheduled(Appointment a, BusinessSnapshot s) => Done("All set! Your appointment was changed ✅", a, s);

    private string Done(string intro, Appointment a, BusinessSnapshot s) =>
        Summary(intro, VisitText.Services(a, s), VisitText.Slot(a), s) +
        $"\n🔖 Code: *{a.Code}*\nIf you need to change or cancel it, just write to me here.";

    public override string Unavailable(UnavailableReason? reason, DateOnly date, BusinessSnapshot s, DateOnly today) => reason switch
    {
        UnavailableReason.Past => "That time has already passed.",
        UnavailableReason.TooSoon => $"We need at least {Minutes(s.Business.Policy.MinimumNoticeMinutes)} notice.",
        UnavailableReason.BeyondHorizon => $"For now we take bookings until {Day(today.AddDays(s.Business.Policy.MaximumHorizonDays))}.",
        UnavailableReason.ClosedDay => $"We're closed on {DayName(date.DayOfWeek)}s.",
        UnavailableReason.Blocked => $"On {Day(date)} we're not working at that time.",
        UnavailableReason.OutsideHours => OutsideHours(date, s),
        _ => "That time is already taken. 😕",
    };

    private static string OutsideHours(DateOnly date, BusinessSnapshot s)
    {
        var ranges = s.Professionals.SelectMany(p => p.Hours.For(date.DayOfWeek)).ToList();
        return ranges.Count == 0
            ? $"We're closed on {DayName(date.DayOfWeek)}s."
            : $"We're not open at that time. On {Day(date)} we're open from {Clock(ranges.Min(r => r.StartMinute))} to {Clock(ranges.Max(r => r.EndMinute))}.";
    }

    private static string ServiceLines(BusinessSnapshot s) =>
        string.Join("\n", s.Services.Select(x => $"• *{x.Name}* — {Price(x.Price, s.Business.Currency)} ({Minutes(x.DurationMinutes)})"));

    private static string FirstName(string name) => SpanishFormat.FirstName(name);

    private static string Fill(string text, Business b) =>
        text.Replace("{business}", b.Name).Replace("{negocio}", b.Name).Replace("{bot}", b.Persona.BotName);
}
