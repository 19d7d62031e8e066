using Turnos.Core.Businesses;
using static Turnos.Core.Conversations.EnglishFormat;

namespace Turnos.Core.Conversations;

/// <summary>English: asking again without looping, the hours, and what the dialogue's steps say.</summary>
internal sealed partial class EnglishReplyTexts
{
    public override string Again(Expectation expecting, string question, BusinessSnapshot s, Understanding u, IReadOnlyList<OfferedSlot> offered) => expecting switch
    {
        Expectation.Name => $"{NameReason(u.NameProblem)} I just need your first and last name, for example: *Anna Smith*.",
        Expectation.Email => $"{EmailReason(u.EmailProblem)} I need a full address, for example: *name@gmail.com*.",
        Expectation.Date or Expectation.Time => "I didn't catch the day. Write me a date, for example: *tomorrow*, *on Friday* or *Dec 15*.",
        Expectation.Service => $"I didn't recognise the service. Write one from the list, for example: *{s.Services.FirstOrDefault()?.Name ?? "Haircut"}*.\n" + ServiceLines(s),
        Expectation.Confirmation => "I need a *yes* to confirm or a *no* to change it.",
        Expectation.Choice when offered.Count > 0 =>
            $"I couldn't tell which one you chose. Write the number or the time of an option, for example: *{Time(TimeOnly.FromDateTime(LocalTime.ToLocal(offered[0].StartUtc, s.Business.TimeZone)))}*.\n{question}",
        Expectation.WhichAppointment => "I couldn't tell which of your appointments it is. Reply with the number, for example: *1*.",
        _ => $"Sorry, I didn't understand. You can write, for example: *I'd like a {(s.Services.FirstOrDefault()?.Name ?? "haircut").ToLowerInvariant()} tomorrow at 10* or *how much is it?*",
    };

    private static string NameReason(NameProblem? problem) => problem switch
    {
        Conversations.NameProblem.HasDigits => "A name can't have numbers.",
        Conversations.NameProblem.TooShort => "That name is too short.",
        Conversations.NameProblem.TooLong => "That name is too long (100 letters at most).",
        Conversations.NameProblem.InvalidCharacters => "I can only take letters, spaces, hyphens and apostrophes.",
        _ => "I couldn't find a name in your message.",
    };

    private static string EmailReason(EmailProblem? problem) => problem switch
    {
        Conversations.EmailProblem.LooksLikePhone => "That looks like a phone number.",
        Conversations.EmailProblem.TooLong => "That email is too long.",
        Conversations.EmailProblem.Invalid => "That email doesn't look valid.",
        _ => "I couldn't find an email in your message.",
    };

    public override string OfferBooking => "Would you like me to book an appointment for you?";
    public override string NameTaken(string name) => $"Great, I'll book it under *{name}*. ✍️";
    public override string GoOnWithoutEmail => "No problem, we'll go on without an email. 👍";
    public override string OfferHandoff(Business b, string reason) =>
        $"{reason} 🙈 Would you like a person from the *{b.Name}* team to write to you? Reply *yes*, or let's keep going here.";

    public override string Reason(Expectation expecting, Understanding u) => expecting switch
    {
        Expectation.Name => NameReason(u.NameProblem),
        Expectation.Email => EmailReason(u.EmailProblem),
        Expectation.Date or Expectation.Time => "I still can't find a day that works for you.",
        Expectation.Service => "I didn't recognise the service.",
        Expectation.Confirmation => "I'm not sure whether you confirm.",
        Expectation.Choice or Expectation.WhichAppointment => "I couldn't tell which one you chose.",
        _ => "It seems I'm not understanding you.",
    };

    public override string NoHandoff => "Great! Whenever you like, tell me if you want to book, change or cancel an appointment, or check prices.";
    public override string ProfileNoted(string? name) => name is null ? "Thanks! I've noted your details. 📝" : $"Thanks, {SpanishFormat.FirstName(name)}! I've noted your details. 📝";

    public override string AnyServiceFree(bool free, DateOnly date, TimeOnly time, DateOnly today) => free
        ? $"Yes! There's room {OnDay(date, today)} at {Time(time)}. 🙌"
        : $"I have nothing free {OnDay(date, today)} at {Time(time)}. 😕 Tell me the service and I'll find the nearest free time.";

    public override string SlotFree(OfferedSlot slot, BusinessSnapshot s, DateOnly today)
    {
        var local = LocalTime.ToLocal(slot.StartUtc, s.Business.TimeZone);
        var who = SpanishFormat.FirstName(s.FindProfessional(slot.ProfessionalId)?.Name ?? slot.ProfessionalId);
        return $"Yes! {char.ToUpperInvariant(OnDay(DateOnly.FromDateTime(local), today)[0])}{OnDay(DateOnly.FromDateTime(local), today)[1..]} at {Time(TimeOnly.FromDateTime(local))} is free with {who}. 🙌 Shall I book it?";
    }

    public override string Hours(BusinessSnapshot s, DateOnly? date, DateOnly today) => HoursReply.For(s, date, today, Language.En);

    public override string OptionsIntro => "These are the options:";
    public override string NearestIntro => "Here are the nearest free times:";
    public override string PriceThenAskDate => "Would you like to book? Tell me what day.";
    public override string PriceListThenAsk => "Would you like to book one?";
    public override string BookIntro => "I'll book you:";
    public override string MoveIntro(string from) => $"I'll move your appointment from {from} to:";
    public override string Cancelled(string line) => $"Done, I cancelled your appointment: {line}. Would you like to book another one?";
    public override string NotActive => "That appointment is no longer active (it was cancelled or changed).";
    public override string SlotJustTaken => "Oops, that time was just taken. 😕";
    public override string DatePassed => "That date has already passed.";
    public override string NoneInRange => "I have no free times left in that range.";
    public override string NoneSoon => " I couldn't find free times in the next few days. Shall we try another date?";
    public override string ICanOffer => " I can offer you:";
    public override string GoOnHere => "Sure, let's keep going here. 👍";
    public override string AppointmentKept => "Great, your appointment stays as it is. 👍";
    public override string MoveDeclined => "Ok, your appointment stays as it was. Would you like to try another day or time?";
    public override string BookingDeclined => "No problem. 👍 Would you like another day or time?";
    public override string NoUpcoming => "I couldn't find upcoming appointments for this number.";
    public override string OfferAnother => "Would you like to book one?";
    public override string NoneOnDay(DateOnly date) => $"I couldn't find an appointment of yours on {Day(date)}.";
    public override string YourAppointments(IEnumerable<string> lines) => "You have these appointments:\n" + string.Join("\n", lines);
    public override string WhichToCancel => "Which one would you like to cancel? Reply with the number.";
    public override string WhichToChange => "Which one would you like to change? Reply with the number.";
    public override string ConfirmCancel(string line) => $"Your appointment: {line}. Shall I cancel it? Reply *yes* or *no*.";
    public override string AskMoveTo(string line) => $"Your appointment: {line}. {AskNewDate}";
}
