using Turnos.Core.Booking;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>
/// A property over the engine (issue 11 §1): for generated answers to every question the assistant can ask, the same
/// question (same thing expected, nothing in the conversation moved) is never asked three times in a row.
/// </summary>
public class NoLoopPropertyTests
{
    // What confused, chatty or stubborn customers send, in four countries' ways, read by the rules.
    private static readonly string[] Texts =
    [
        "asdf", "no sé", "?", "hola", "holaa buenas", "gracias", "sí", "no", "dale", "precios", "¿a qué hora cierran?", "Ana 2",
        "juan@", "1155550000", "la 9", "el domingo", "a las 3 de la mañana", "Vale Gómez", "corte", "mañana", "cancelar",
        "quiero cambiar el turno", "¿tenés lugar?", "cuando puedas", "ya po", "vale", "órale", "lo que sea", "👍", "...", "el 31/02",
        "¿hay hora el lunes a las 10?", "¿abren el feriado?", "nada", "otra cosa", "ninguno", "el de las 10",
        // English, and customers who switch back and forth (issue 14).
        "what?", "hi there", "thanks", "yes", "nope", "prices?", "what time do you close?", "Anna 2", "tomorrow", "cancel",
        "I want to change my appointment", "any slots on Monday?", "whatever", "none of them", "at 3 in the morning", "the 10 o'clock one",
        "can I get a haircut?", "I'm not sure",
    ];

    private static readonly Understanding[] Raw =
    [
        new(), new() { Date = Monday.AddDays(-3) }, new() { Choice = 42 }, new() { Intent = Intent.Price },
        new() { NameProblem = NameProblem.InvalidCharacters }, new() { EmailProblem = EmailProblem.TooLong },
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 240)];

    [Theory, MemberData(nameof(Seeds))]
    public void Decide_GeneratedAnswersToEveryQuestion_NeverTheSameQuestionThreeTimesInARow(int seed)
    {
        var random = new Random(seed);
        var upcoming = new[] { Appointment("a1", Utc(Tuesday, 10, 0)), Appointment("a2", Utc(Tuesday.AddDays(1), 11, 0)) };
        var (state, facts) = Start(seed % 8, upcoming);
        var asked = new List<string?>();
        for (var step = 0; step < 30; step++)
        {
            var pick = random.Next(Texts.Length + Raw.Length);
            var d = pick < Texts.Length ? Hear(state, Texts[pick], facts) : Say(state, Raw[pick - Texts.Length], facts);
            asked.Add(d.Replies.Count > 0 && d.Replies[^1].Contains('?') ? Question(d.State) : null);
            if (asked.Count >= 3 && asked[^1] is { } q && asked[^2] == q && asked[^3] == q)
                Assert.Fail($"seed {seed}, step {step}: asked three times in a row: {q}\nlast reply: {d.Replies[^1]}");
            if (d.Effect is not (null or TurnEffect.FlagForHuman)) return; // booked, cancelled or moved: out of the loop
            state = d.State;
        }
    }

    private static (ConversationState, TurnFacts) Start(int question, Appointment[] upcoming)
    {
        var facts = question switch
        {
            5 => Facts(name: "Ana Gómez", upcoming: upcoming),
            6 => Facts(name: "Ana Gómez", email: "ana@example.com", upcoming: upcoming),
            _ => Facts(upcoming: upcoming),
        };
        Understanding? opening = question switch
        {
            0 => null,                                                             // the menu
            1 => new() { Intent = Intent.Book },                                   // service
            2 => new() { Intent = Intent.Book, ServiceId = "corte" },              // date
            3 => new() { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday }, // choice among free times
            7 => new() { Intent = Intent.Cancel },                                 // which appointment
            _ => new() { Intent = Intent.Book, ServiceId = "corte", Date = Tuesday, Time = new TimeOnly(10, 0) }, // name, email, confirmation
        };
        return (opening is null ? Fresh : Say(Fresh, opening, facts).State, facts);
    }

    private static string Question(ConversationState s) =>
        $"{s.Expecting}|{s.HandoffOffered}|{s.Mode}|{s.Draft}|{s.Pending}|{string.Join(",", s.Offered)}|{s.Target}|{s.CustomerName}|{s.CustomerEmail}";

    private static Appointment Appointment(string id, DateTimeOffset start) =>
        new(id, "CODE23", "demo", "corte", "carlos", new CustomerInfo("Juan", "+5491155550000", null), start, start.AddMinutes(30),
            0, 0, DateOnly.FromDateTime(start.AddHours(-3).DateTime), AppointmentStatus.Booked, AppointmentSource.WhatsApp, null, null, start, start);
}
