using Turnos.Core.Businesses;
using static Turnos.Core.Conversations.SpanishFormat;

namespace Turnos.Core.Conversations;

/// <summary>What the assistant says when a question did not get an answer it could use, and when it stops insisting.</summary>
internal static partial class Replies
{
    /// <summary>The second time a question is asked: why the answer did not work, and an example.</summary>
    public static string Again(Expectation expecting, string question, BusinessSnapshot s, Understanding u, IReadOnlyList<OfferedSlot> offered) => expecting switch
    {
        Expectation.Name => $"{NameReason(u.NameProblem)} Necesito solo tu nombre y apellido, por ejemplo: *Ana Gómez*.",
        Expectation.Email => $"{EmailReason(u.EmailProblem)} Necesito una dirección completa, por ejemplo: *nombre@gmail.com*.",
        Expectation.Date or Expectation.Time => "No me quedó claro el día. Escríbeme una fecha, por ejemplo: *mañana*, *el viernes* o *15/12*.",
        Expectation.Service => $"No reconocí el servicio. Escríbeme uno de la lista, por ejemplo: *{s.Services.FirstOrDefault()?.Name ?? "Corte"}*.\n" + ServiceLines(s),
        Expectation.Confirmation => "Necesito un *sí* para confirmar o un *no* para cambiarlo.",
        Expectation.Choice when offered.Count > 0 =>
            $"No supe cuál elegiste. Escríbeme el número o la hora de una opción, por ejemplo: *{Time(TimeOnly.FromDateTime(Local(offered[0].StartUtc, s.Business.TimeZone)))}*.\n{question}",
        Expectation.WhichAppointment => "No supe cuál de tus turnos es. Respóndeme con el número, por ejemplo: *1*.",
        _ => $"Perdón, no te entendí. Puedes escribirme, por ejemplo: *quiero un turno para {(s.Services.FirstOrDefault()?.Name ?? "corte").ToLowerInvariant()} mañana a las 10* o *¿cuánto sale?*",
    };

    private static string NameReason(NameProblem? problem) => problem switch
    {
        Conversations.NameProblem.HasDigits => "El nombre no puede tener números.",
        Conversations.NameProblem.TooShort => "Ese nombre es muy corto.",
        Conversations.NameProblem.TooLong => "Ese nombre es muy largo (máximo 100 letras).",
        Conversations.NameProblem.InvalidCharacters => "Solo puedo anotar letras, espacios, guiones y apóstrofos.",
        _ => "No logré reconocer un nombre en tu mensaje.",
    };

    private static string EmailReason(EmailProblem? problem) => problem switch
    {
        Conversations.EmailProblem.LooksLikePhone => "Eso parece un número de teléfono.",
        Conversations.EmailProblem.TooLong => "Ese email es demasiado largo.",
        Conversations.EmailProblem.Invalid => "Ese email no parece válido.",
        _ => "No encontré un email en tu mensaje.",
    };

    public const string OfferBooking = "¿Te ayudo a reservar un turno?";

    public static string NameTaken(string name) => $"Perfecto, lo anoto a nombre de *{name}*. ✍️";

    public const string GoOnWithoutEmail = "No hay problema, seguimos sin email. 👍";

    public static string OfferHandoff(Business b, string reason) =>
        $"{reason} 🙈 ¿Quieres que te escriba una persona del equipo de *{b.Name}*? Responde *sí*, o sigamos por aquí.";

    /// <summary>Why the third answer did not work either, before offering a person.</summary>
    public static string Reason(Expectation expecting, Understanding u) => expecting switch
    {
        Expectation.Name => NameReason(u.NameProblem),
        Expectation.Email => EmailReason(u.EmailProblem),
        Expectation.Date or Expectation.Time => "Sigo sin encontrar un día que te sirva.",
        Expectation.Service => "No reconocí el servicio.",
        Expectation.Confirmation => "No me quedó claro si confirmas.",
        Expectation.Choice or Expectation.WhichAppointment => "No supe cuál elegiste.",
        _ => "Parece que no te estoy entendiendo.",
    };

    public const string NoHandoff = "¡Perfecto! Cuando quieras, dime si quieres reservar, cambiar o cancelar un turno, o consultar precios.";

    public static string ProfileNoted(string? name) => name is null ? "¡Gracias! Ya anoté tus datos. 📝" : $"¡Gracias, {FirstName(name)}! Ya anoté tus datos. 📝";

    /// <summary>"¿Hay lugar el viernes a las 4?" before the service is known.</summary>
    public static string AnyServiceFree(bool free, DateOnly date, TimeOnly time, DateOnly today) => free
        ? $"¡Sí! {OnDay(date, today)} a las {Time(time)} hay lugar. 🙌"
        : $"{OnDay(date, today)} a las {Time(time)} no me queda lugar. 😕 Dime el servicio y te busco el horario libre más cercano.";

    /// <summary>"¿Hay lugar el viernes a las 4 para corte?": yes, with whom, and the offer.</summary>
    public static string SlotFree(OfferedSlot slot, BusinessSnapshot s, DateOnly today)
    {
        var local = Local(slot.StartUtc, s.Business.TimeZone);
        var who = FirstName(s.FindProfessional(slot.ProfessionalId)?.Name ?? slot.ProfessionalId);
        return $"¡Sí! {OnDay(DateOnly.FromDateTime(local), today)} a las {Time(TimeOnly.FromDateTime(local))} está libre con {who}. 🙌 ¿Te lo reservo?";
    }

    private static string OnDay(DateOnly date, DateOnly today) =>
        date == today ? "Hoy" : date == today.AddDays(1) ? "Mañana" : $"El {Day(date)}";
}
