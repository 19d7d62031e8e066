using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using static Turnos.Core.Conversations.SpanishFormat;

namespace Turnos.Core.Conversations;

/// <summary>What the assistant says. Neutral Latin-American Spanish, short, WhatsApp formatting.</summary>
internal static partial class Replies
{
    public static string Greeting(Business b, string? name)
    {
        var p = b.Persona;
        if (p.Greeting is { Length: > 0 } custom) return Fill(custom, b);
        return name is null
            ? $"¡Hola! 👋 Soy {p.BotName}, el asistente de *{b.Name}*."
            : $"¡Hola de nuevo, {FirstName(name)}! 👋 Soy {p.BotName}, de *{b.Name}*.";
    }

    public const string Menu = "Puedo ayudarte a *reservar*, *cambiar* o *cancelar* un turno, o contarte nuestros *precios*. ¿Qué necesitas?";

    public static string Farewell(Business b) =>
        b.Persona.Farewell is { Length: > 0 } custom ? Fill(custom, b) : "¡Gracias por escribirnos! Cuando quieras, aquí estoy. 😊";

    public static string Unknown(Business b) => b.Persona.UnknownPhrase is { Length: > 0 } custom ? Fill(custom, b) : "Perdón, no te entendí bien. 🙈";

    public static string Handoff(Business b) =>
        $"Listo, le aviso al equipo de *{b.Name}* para que te escriba una persona lo antes posible. 🙌";

    public static string AskService(BusinessSnapshot s) =>
        "¿Qué servicio te gustaría reservar? Tenemos:\n" + ServiceLines(s) + "\nEscríbeme el que prefieras.";

    public static string PriceList(BusinessSnapshot s) => "Estos son nuestros servicios:\n" + ServiceLines(s);

    public static string PriceOf(Service service, Business b) =>
        $"*{service.Name}* cuesta {Price(service.Price, b.Currency)} y dura {Minutes(service.DurationMinutes)}.";

    public const string AskDate = "¿Para qué día te gustaría? Puedes decirme, por ejemplo, *mañana* o *el viernes*.";
    public const string AskNewDate = "¿Para qué día y hora quieres pasarlo?";
    public const string AskName = "¿A nombre de quién hago la reserva?";
    public const string AskEmail = "¿Me pasas tu email? Ahí te llega la invitación del turno. 📧";
    public const string AskConfirm = "¿Confirmo? Responde *sí* o *no*.";
    public const string AskWhich = "¿Cuál? Respóndeme con el número.";
    public const string AskTime = "¿Qué horario prefieres?";

    public static string NameProblem(NameProblem problem) => problem switch
    {
        Conversations.NameProblem.HasDigits => "El nombre no puede tener números. ¿Me lo escribes de nuevo? Por ejemplo: *Ana Pérez*.",
        Conversations.NameProblem.TooShort => "Ese nombre es muy corto. ¿Me dices tu nombre y apellido?",
        Conversations.NameProblem.TooLong => "Ese nombre es muy largo (máximo 100 letras). ¿Me lo escribes más corto?",
        _ => "Solo puedo anotar letras, espacios, guiones y apóstrofos en el nombre. ¿Me lo escribes de nuevo?",
    };

    public static string EmailProblem(EmailProblem problem) => problem switch
    {
        Conversations.EmailProblem.LooksLikePhone => "Eso parece un número de teléfono. 🙂 Necesito tu *email*, por ejemplo: nombre@gmail.com",
        Conversations.EmailProblem.TooLong => "Ese email es demasiado largo. ¿Me pasas otro?",
        _ => "Ese email no parece válido. ¿Me lo escribes de nuevo? Por ejemplo: nombre@gmail.com",
    };

    /// <param name="with">The professional, when every time listed is with the same one.</param>
    public static string FreeTimes(DateOnly date, DateOnly today, IReadOnlyList<OfferedSlot> slots, TimeZoneInfo zone, string? with = null) =>
        $"{Capitalize(ForDay(date, today))} tengo libre: {List(slots.Select(s => Time(TimeOnly.FromDateTime(Local(s.StartUtc, zone)))))}" +
        (with is null ? ". " : $" (con {FirstName(with)}). ") + AskTime;

    public static string Options(string intro, IReadOnlyList<OfferedSlot> slots, BusinessSnapshot s, DateOnly today) =>
        intro + "\n" + string.Join("\n", slots.Select((o, i) => $"{i + 1}) {SlotText(o, s, today)}")) + "\n¿Te sirve alguno? Respóndeme con el número.";

    public static string SlotText(OfferedSlot o, BusinessSnapshot s, DateOnly today)
    {
        var local = Local(o.StartUtc, s.Business.TimeZone);
        return $"{RelativeDay(DateOnly.FromDateTime(local), today)} a las {Time(TimeOnly.FromDateTime(local))} con {List(VisitText.FirstNames(o, s))}";
    }

    public static string Summary(string intro, IReadOnlyList<Service> visit, OfferedSlot slot, BusinessSnapshot s)
    {
        if (visit.Count > 1) return VisitText.Spanish(intro, visit, slot, s);
        var service = visit[0];
        var local = Local(slot.StartUtc, s.Business.TimeZone);
        return $"{intro}\n*{service.Name}*\n📅 {LongDay(DateOnly.FromDateTime(local))}\n🕒 {Time(TimeOnly.FromDateTime(local))}\n" +
            $"💇 con {s.FindProfessional(slot.ProfessionalId)?.Name}\n💲 {Price(service.Price, s.Business.Currency)}";
    }

    public static string AppointmentLine(AppointmentChoice a, BusinessSnapshot s, DateOnly today) =>
        $"{VisitText.Names(a.Services, s, " y ")}, {SlotText(new OfferedSlot(a.ProfessionalId, a.StartUtc, a.Team), s, today)}";

    public static string Booked(Appointment a, BusinessSnapshot s) =>
        Summary("¡Listo! Tu turno quedó reservado ✅", VisitText.Services(a, s), VisitText.Slot(a), s) +
        $"\n🔖 Código: *{a.Code}*\nSi necesitas cambiarlo o cancelarlo, escríbeme por aquí.";

    public static string Unavailable(UnavailableReason? reason, DateOnly date, BusinessSnapshot s, DateOnly today) => reason switch
    {
        UnavailableReason.Past => "Ese horario ya pasó.",
        UnavailableReason.TooSoon => $"Necesitamos al menos {Minutes(s.Business.Policy.MinimumNoticeMinutes)} de anticipación.",
        UnavailableReason.BeyondHorizon => $"Por ahora tomamos turnos hasta el {Day(today.AddDays(s.Business.Policy.MaximumHorizonDays))}.",
        UnavailableReason.ClosedDay => $"Los {Plural(DayName(date.DayOfWeek))} no atendemos.",
        UnavailableReason.Blocked => $"El {Day(date)} no estamos atendiendo en ese horario.",
        UnavailableReason.OutsideHours => OutsideHours(date, s),
        _ => "A esa hora ya está ocupado. 😕",
    };

    private static string OutsideHours(DateOnly date, BusinessSnapshot s)
    {
        var ranges = s.Professionals.SelectMany(p => p.Hours.For(date.DayOfWeek)).ToList();
        return ranges.Count == 0
            ? $"Los {Plural(DayName(date.DayOfWeek))} no atendemos."
            : $"A esa hora no atendemos. El {Day(date)} el horario es de {WorkingRange.Format(ranges.Min(r => r.StartMinute))} a {WorkingRange.Format(ranges.Max(r => r.EndMinute))}.";
    }

    private static string ServiceLines(BusinessSnapshot s) =>
        string.Join("\n", s.Services.Select(x => $"• *{x.Name}* — {Price(x.Price, s.Business.Currency)} ({Minutes(x.DurationMinutes)})"));


    private static string Plural(string day) => day.EndsWith('s') ? day : day + "s";

    private static string Fill(string text, Business b) => text.Replace("{negocio}", b.Name).Replace("{bot}", b.Persona.BotName);
}
