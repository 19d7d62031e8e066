using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Several facts in one message. Strict: every field not named must be empty.</summary>
public class MultiFactTests
{
    public static TheoryData<string, string> Messages => Table(
        ("hola, quiero cortarme el pelo mañana a las 3 con Lucía, soy Juan, juan@gmail.com",
            "book|service=corte|date=2026-11-19|time=15:00|pro=lucia|name=Juan|email=juan@gmail.com"),
        ("buen día, para mañana a las 10 con carlos un corte", "book|service=corte|date=2026-11-19|time=10:00|pro=carlos"),
        ("quiero turno para manicura el viernes a la tarde con Sofía", "book|service=manicura|date=2026-11-20|range=13:00-20:00|pro=sofia"),
        ("peinado para un casamiento el sábado a las 10", "book|service=peinado|date=2026-11-21|time=10:00"),
        ("coloración el 15/12 a las 15:30 con cualquiera", "book|service=coloracion|date=2026-12-15|time=15:30|any=true"),
        ("me llamo Ana López y quiero uñas pasado mañana a las 11", "book|name=Ana López|service=manicura|date=2026-11-20|time=11:00"),
        ("barba mañana temprano, soy Pedro", "book|service=barba|date=2026-11-19|range=06:00-10:00|name=Pedro"),
        ("tenés lugar el lunes entre las 10 y las 12 para corte?", "availability|date=2026-11-23|range=10:00-12:00|service=corte"),
        ("¿cuánto sale la coloración con Lucía?", "price|service=coloracion|pro=lucia"),
        ("quiero pasar mi turno del viernes al lunes a las 4", "reschedule|date=2026-11-23|from=2026-11-20|time=16:00"),
        ("cancelá mi turno de mañana a las 10 por favor", "cancel|date=2026-11-19|time=10:00"),
        ("hola soy María de los Ángeles, maria.angeles@gmail.com, corte el 20 después de las 5",
            "book|name=María de los Ángeles|email=maria.angeles@gmail.com|service=corte|date=2026-11-20|range=17:00-23:59"),
        ("Turno para brushing con Sofi hoy 18hs", "book|service=peinado|pro=sofia|date=2026-11-18|time=18:00"),
        ("necesito afeitarme la barba el jueves que viene a las 9 y media", "book|service=barba|date=2026-11-19|time=09:30"),
        ("hola! soy Juan Pérez (juan.perez@hotmail.com). Quiero un corte el 1/12 a las 11", 
            "book|name=Juan Pérez|email=juan.perez@hotmail.com|service=corte|date=2026-12-01|time=11:00"));

    [Theory, MemberData(nameof(Messages))]
    public void Understand_SeveralFacts_AllOfThem(string text, string spec) => Check(Understand(text), spec, strict: true, text);

    [Fact]
    public void Understand_EveryId_ExistsInTheCatalog()
    {
        var texts = IntentTests.Intents.Concat(WhatsAppStyleTests.Messages).Concat(Messages).Concat(ServiceTests.Services)
            .Concat(ProfessionalTests.Professionals).Select(row => (string)row[0]);
        foreach (var text in texts)
        {
            foreach (var expecting in Enum.GetValues<Expectation>())
            {
                var u = Understand(text, expecting);
                if (u.ServiceId is { } s) Assert.NotNull(Demo.FindService(s));
                if (u.ProfessionalId is { } p) Assert.NotNull(Demo.FindProfessional(p));
                Assert.False(u.AnyProfessional && u.ProfessionalId is not null, text);
                if (u.TimeRange is { } r) Assert.True(r.From < r.To, text);
            }
        }
    }
}
