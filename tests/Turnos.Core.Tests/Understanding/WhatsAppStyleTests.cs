using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>
/// Messages as people type them on WhatsApp: no accents, lowercase, emoji, voseo, chat abbreviations, repeated
/// letters, missing punctuation. Strict: every field not named must be empty.
/// </summary>
public class WhatsAppStyleTests
{
    public static TheoryData<string, string> Messages => Table(
        ("holaaa", "greet"), ("holaaa!!! 😊😊", "greet"), ("siii", "confirm_yes"), ("siiii dale", "confirm_yes"), ("daleee", "confirm_yes"),
        ("okk", "confirm_yes"), ("okey", "confirm_yes"), ("nooo", "confirm_no"), ("graciass", "thanks"), ("grax!!", "thanks"),
        ("q horarios tenes x favor", "availability"), ("q horarios tenes mñn", "availability|date=2026-11-19"),
        ("tenes turno pa mñn?", "availability|date=2026-11-19"), ("tenés lugar mañana?", "availability|date=2026-11-19"),
        ("tenes lugar hoy a la tarde", "availability|date=2026-11-18|range=13:00-20:00"),
        ("kiero un turno xfa", "book"), ("porfa un turno pal viernes", "book|date=2026-11-20"),
        ("queria turno para corte mñn a las 10", "book|service=corte|date=2026-11-19|time=10:00"),
        ("podes mañana 3 y media?", "book|date=2026-11-19|time=15:30"), ("querés que vaya a las 4?", "book|time=16:00"),
        ("podés el jueves tipo 5", "book|date=2026-11-19|time=17:00"), ("manana a las 10", "book|date=2026-11-19|time=10:00"),
        ("maniana temprano", "book|date=2026-11-19|range=06:00-10:00"), ("el vie a la tarde", "book|date=2026-11-20|range=13:00-20:00"),
        ("sab a la mañana", "book|date=2026-11-21|range=06:00-12:00"), ("CORTE MAÑANA 10HS", "book|service=corte|date=2026-11-19|time=10:00"),
        ("corte mañana 10hs", "book|service=corte|date=2026-11-19|time=10:00"), ("unias", "book|service=manicura"),
        ("las unas mañana", "book|service=manicura|date=2026-11-19"), ("xq no tenes lugar?", "availability"),
        ("cuanto sale el corte?", "price|service=corte"), ("cuanto sale la barba", "price|service=barba"),
        ("q servicios hacen", "price"), ("preciooos", "price"), ("tmb hacen uñas?", "price|service=manicura"),
        ("👍", "confirm_yes"), ("👍👍", "confirm_yes"), ("ok 👌", "confirm_yes"), ("❌", "confirm_no"), ("👋", "greet"),
        ("bueno chau", "thanks"), ("graciaaas nos vemos", "thanks"), ("quiero cancelar el turno 😔", "cancel"),
        ("cancelalo x fa", "cancel"), ("me lo pasas pal lunes?", "reschedule|date=2026-11-23"),
        ("quiero habalr con una persona", "human"), ("hola buenas, tenes para uñas con sofi el sabado?", "availability|service=manicura|pro=sofia|date=2026-11-21"),
        ("hola!! quisiera sacar turno para corte 😊", "book|service=corte"), ("a las 3", "book|time=15:00"),
        ("dale a las 5 entonces", "book|time=17:00"), ("mejor a las 6", "book|time=18:00"));

    [Theory, MemberData(nameof(Messages))]
    public void Understand_ChatStyleMessage_ReadsLikeTheCleanOne(string text, string spec) => Check(Understand(text), spec, strict: true, text);
}
