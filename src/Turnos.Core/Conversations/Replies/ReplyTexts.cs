using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// Everything the assistant can say, in one language. The conversation's language picks the set
/// (<see cref="For"/>); Spanish is <see cref="Replies"/> (and <see cref="HoursReply"/>), English <see cref="EnglishReplies"/>.
/// </summary>
internal abstract partial class ReplyTexts
{
    public static ReplyTexts For(Language language) => language == Language.En ? EnglishReplyTexts.Instance : SpanishReplyTexts.Instance;

    public abstract string Greeting(Business b, string? name);
    public abstract string Menu { get; }
    public abstract string Farewell(Business b);
    public abstract string Unknown(Business b);
    public abstract string Handoff(Business b);
    public abstract string AskService(BusinessSnapshot s);
    public abstract string PriceList(BusinessSnapshot s);
    public abstract string PriceOf(Service service, Business b);
    public abstract string AskDate { get; }
    public abstract string AskNewDate { get; }
    public abstract string AskName { get; }
    public abstract string AskEmail { get; }
    public abstract string AskConfirm { get; }
    public abstract string AskWhich { get; }
    public abstract string NameProblem(NameProblem problem);
    public abstract string EmailProblem(EmailProblem problem);
    public abstract string FreeTimes(DateOnly date, DateOnly today, IReadOnlyList<OfferedSlot> slots, TimeZoneInfo zone, string? with);
    public abstract string Options(string intro, IReadOnlyList<OfferedSlot> slots, BusinessSnapshot s, DateOnly today);
    public abstract string SlotText(OfferedSlot o, BusinessSnapshot s, DateOnly today);
    /// <summary>What is about to be booked: one service, or a visit's services with times, who does each, total duration and price.</summary>
    public abstract string Summary(string intro, IReadOnlyList<Service> visit, OfferedSlot slot, BusinessSnapshot s);
    public abstract string AppointmentLine(AppointmentChoice a, BusinessSnapshot s, DateOnly today);
    public abstract string Booked(Appointment a, BusinessSnapshot s);
    public abstract string Rescheduled(Appointment a, BusinessSnapshot s);
    public abstract string Unavailable(UnavailableReason? reason, DateOnly date, BusinessSnapshot s, DateOnly today);
    public abstract string Again(Expectation expecting, string question, BusinessSnapshot s, Understanding u, IReadOnlyList<OfferedSlot> offered);
    public abstract string OfferBooking { get; }
    public abstract string NameTaken(string name);
    public abstract string GoOnWithoutEmail { get; }
    public abstract string OfferHandoff(Business b, string reason);
    public abstract string Reason(Expectation expecting, Understanding u);
    public abstract string NoHandoff { get; }
    public abstract string ProfileNoted(string? name);
    public abstract string AnyServiceFree(bool free, DateOnly date, TimeOnly time, DateOnly today);
    public abstract string SlotFree(OfferedSlot slot, BusinessSnapshot s, DateOnly today);
    public abstract string Hours(BusinessSnapshot s, DateOnly? date, DateOnly today);

    // Said inside the dialogue's steps.
    public abstract string OptionsIntro { get; }
    public abstract string NearestIntro { get; }
    public abstract string PriceThenAskDate { get; }
    public abstract string PriceListThenAsk { get; }
    public abstract string BookIntro { get; }
    public abstract string MoveIntro(string from);
    public abstract string Cancelled(string line);
    public abstract string NotActive { get; }
    public abstract string SlotJustTaken { get; }
    public abstract string DatePassed { get; }
    public abstract string NoneInRange { get; }
    public abstract string NoneSoon { get; }
    public abstract string ICanOffer { get; }
    public abstract string GoOnHere { get; }
    public abstract string AppointmentKept { get; }
    public abstract string MoveDeclined { get; }
    public abstract string BookingDeclined { get; }
    public abstract string NoUpcoming { get; }
    public abstract string OfferAnother { get; }
    public abstract string NoneOnDay(DateOnly date);
    public abstract string YourAppointments(IEnumerable<string> lines);
    public abstract string WhichToCancel { get; }
    public abstract string WhichToChange { get; }
    public abstract string ConfirmCancel(string line);
    public abstract string AskMoveTo(string line);
}

/// <summary>The Spanish texts: <see cref="Replies"/> and <see cref="HoursReply"/>, plus what the dialogue's steps say.</summary>
internal sealed partial class SpanishReplyTexts : ReplyTexts
{
    public static readonly SpanishReplyTexts Instance = new();

    public override string Greeting(Business b, string? name) => Replies.Greeting(b, name);
    public override string Menu => Replies.Menu;
    public override string Farewell(Business b) => Replies.Farewell(b);
    public override string Unknown(Business b) => Replies.Unknown(b);
    public override string Handoff(Business b) => Replies.Handoff(b);
    public override string AskService(BusinessSnapshot s) => Replies.AskService(s);
    public override string PriceList(BusinessSnapshot s) => Replies.PriceList(s);
    public override string PriceOf(Service service, Business b) => Replies.PriceOf(service, b);
    public override string AskDate => Replies.AskDate;
    public override string AskNewDate => Replies.AskNewDate;
    public override string AskName => Replies.AskName;
    public override string AskEmail => Replies.AskEmail;
    public override string AskConfirm => Replies.AskConfirm;
    public override string AskWhich => Replies.AskWhich;
    public override string NameProblem(NameProblem problem) => Replies.NameProblem(problem);
    public override string EmailProblem(EmailProblem problem) => Replies.EmailProblem(problem);
    public override string FreeTimes(DateOnly date, DateOnly today, IReadOnlyList<OfferedSlot> slots, TimeZoneInfo zone, string? with) =>
        Replies.FreeTimes(date, today, slots, zone, with);
    public override string Options(string intro, IReadOnlyList<OfferedSlot> slots, BusinessSnapshot s, DateOnly today) => Replies.Options(intro, slots, s, today);
    public override string SlotText(OfferedSlot o, BusinessSnapshot s, DateOnly today) => Replies.SlotText(o, s, today);
    public override string Summary(string intro, IReadOnlyList<Service> visit, OfferedSlot slot, BusinessSnapshot s) => Replies.Summary(intro, visit, slot, s);
    public override string AppointmentLine(AppointmentChoice a, BusinessSnapshot s, DateOnly today) => Replies.AppointmentLine(a, s, today);
    public override string Booked(Appointment a, BusinessSnapshot s) => Replies.Booked(a, s);
    public override string Rescheduled(Appointment a, BusinessSnapshot s) => Replies.Booked(a, s).Replace("quedó reservado", "quedó cambiado");
    public override string Unavailable(UnavailableReason? reason, DateOnly date, BusinessSnapshot s, DateOnly today) => Replies.Unavailable(reason, date, s, today);
    public override string Again(Expectation expecting, string question, BusinessSnapshot s, Understanding u, IReadOnlyList<OfferedSlot> offered) =>
        Replies.Again(expecting, question, s, u, offered);
    public override string OfferBooking => Replies.OfferBooking;
    public override string NameTaken(string name) => Replies.NameTaken(name);
    public override string GoOnWithoutEmail => Replies.GoOnWithoutEmail;
    public override string OfferHandoff(Business b, string reason) => Replies.OfferHandoff(b, reason);
    public override string Reason(Expectation expecting, Understanding u) => Replies.Reason(expecting, u);
    public override string NoHandoff => Replies.NoHandoff;
    public override string ProfileNoted(string? name) => Replies.ProfileNoted(name);
    public override string AnyServiceFree(bool free, DateOnly date, TimeOnly time, DateOnly today) => Replies.AnyServiceFree(free, date, time, today);
    public override string SlotFree(OfferedSlot slot, BusinessSnapshot s, DateOnly today) => Replies.SlotFree(slot, s, today);
    public override string Hours(BusinessSnapshot s, DateOnly? date, DateOnly today) => HoursReply.For(s, date, today);

    public override string OptionsIntro => "Estas son las opciones:";
    public override string NearestIntro => "Te propongo los horarios libres más cercanos:";
    public override string PriceThenAskDate => "¿Quieres reservar? Dime para qué día.";
    public override string PriceListThenAsk => "¿Te gustaría reservar alguno?";
    public override string BookIntro => "Te reservo:";
    public override string MoveIntro(string from) => $"Paso tu turno del {from} a:";
    public override string Cancelled(string line) => $"Listo, cancelé tu turno de {line}. ¿Quieres reservar otro?";
    public override string NotActive => "Ese turno ya no está activo (fue cancelado o cambiado).";
    public override string SlotJustTaken => "Uy, ese horario se acaba de ocupar. 😕";
    public override string DatePassed => "Esa fecha ya pasó.";
    public override string NoneInRange => "En ese rango no me quedan horarios libres.";
    public override string NoneSoon => " No encontré horarios libres en los próximos días. ¿Probamos con otra fecha?";
    public override string ICanOffer => " Te puedo ofrecer:";
    public override string GoOnHere => "Dale, sigamos por aquí. 👍";
    public override string AppointmentKept => "Perfecto, tu turno sigue en pie. 👍";
    public override string MoveDeclined => "Ok, tu turno sigue como estaba. ¿Quieres probar otro día u horario?";
    public override string BookingDeclined => "Sin problema. 👍 ¿Quieres otro día u horario?";
    public override string NoUpcoming => "No encontré turnos próximos para este número.";
    public override string OfferAnother => "¿Quieres reservar uno?";
    public override string NoneOnDay(DateOnly date) => $"No encontré un turno tuyo el {SpanishFormat.Day(date)}.";
    public override string YourAppointments(IEnumerable<string> lines) => "Tienes estos turnos:\n" + string.Join("\n", lines);
    public override string WhichToCancel => "¿Cuál quieres cancelar? Respóndeme con el número.";
    public override string WhichToChange => "¿Cuál quieres cambiar? Respóndeme con el número.";
    public override string ConfirmCancel(string line) => $"Tu turno: {line}. ¿Lo cancelo? Responde *sí* o *no*.";
    public override string AskMoveTo(string line) => $"Tu turno: {line}. {Replies.AskNewDate}";
}
