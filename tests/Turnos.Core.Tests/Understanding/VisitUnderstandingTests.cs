using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Several services in one message are one visit: every service named, in the order named, Spanish and English.</summary>
public class VisitUnderstandingTests
{
    public static TheoryData<string, string> Spanish => Table(
        ("corte y barba el jueves a las 10", "book|date=2026-11-19|time=10:00|service=corte|services=corte,barba"),
        ("quiero color y después un peinado", "book|service=coloracion|services=coloracion,peinado"),
        ("manicura y peinado el viernes a la tarde", "book|date=2026-11-20|range=13:00-20:00|services=manicura,peinado"),
        ("me quiero cortar el pelo y arreglar la barba mañana a las 11", "book|date=2026-11-19|time=11:00|services=corte,barba"),
        ("barba y corte para el sábado", "date=2026-11-21|service=barba|services=barba,corte"),
        ("coloración, corte y peinado el lunes", "date=2026-11-23|services=coloracion,corte,peinado"),
        ("corte + barba con Carlos", "pro=carlos|services=corte,barba"),
        ("quiero teñirme y cortarme el pelo", "services=coloracion,corte"),
        ("uñas y peinado", "services=manicura,peinado"),
        ("corte y barba, y el corte que sea cortito", "services=corte,barba"),
        ("un corte nomás", "service=corte|services=null"),
        ("cortarme el pelo", "service=corte|services=null"));

    [Theory, MemberData(nameof(Spanish))]
    public void Understand_SpanishVisit_EveryServiceInOrder(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> English => Table(
        ("haircut and beard trim on Thursday at 10", "book|date=2026-11-19|time=10:00|service=corte|services=corte,barba"),
        ("can I get a manicure and a blowout tomorrow afternoon?", "date=2026-11-19|range=13:00-20:00|services=manicura,peinado"),
        ("I'd like a colour and then a blow dry on Friday", "book|date=2026-11-20|services=coloracion,peinado"),
        ("beard trim and a haircut please", "service=barba|services=barba,corte"),
        ("haircut, color and styling next Monday", "date=2026-11-23|services=corte,coloracion,peinado"),
        ("mani and updo on Saturday at 9", "date=2026-11-21|time=09:00|services=manicura,peinado"),
        ("just a haircut tomorrow", "date=2026-11-19|service=corte|services=null"),
        ("beard trim", "service=barba|services=null"));

    [Theory, MemberData(nameof(English))]
    public void Understand_EnglishVisit_EveryServiceInOrder(string text, string spec)
    {
        var u = RulesUnderstanding.Understand(new UnderstandingContext(text, Now, EnglishUnderstandingTests.Salon()));
        Assert.Equal(Language.En, u.Language);
        Check(u, spec, strict: false, text);
    }

    [Theory]
    [InlineData("manicura y pedicura", "es")]
    [InlineData("quiero manos y pies el viernes", "es")]
    [InlineData("mani and pedi on Friday", "en")]
    [InlineData("a manicure and a pedicure please", "en")]
    public void Understand_NailsAndFeet_BothServices(string text, string language)
    {
        var u = RulesUnderstanding.Understand(new UnderstandingContext(text, Now, NailSalon));
        Assert.Equal(["mani", "pedi"], u.Services);
        Assert.Equal(language, u.Language?.Code());
    }

    [Fact]
    public void Understand_SameWordsPointAtTwoServices_StillAsksWhich()
    {
        var u = RulesUnderstanding.Understand(new UnderstandingContext("uñas y pedicura", Now, TwoNailServices));
        Assert.Equal(["pedi"], u.Services);
    }

    private static BusinessSnapshot NailSalon { get; } = Build(Hours(("friday", "09:00-18:00")),
    [
        new ServiceDocument { Id = "mani", Name = "Manicura", DurationMinutes = 45, Price = 7000 },
        new ServiceDocument { Id = "pedi", Name = "Pedicura", DurationMinutes = 45, Price = 8000 },
    ],
    [new ProfessionalDocument { Id = "ana", Name = "Ana", Services = ["mani", "pedi"] }]);

    private static BusinessSnapshot TwoNailServices { get; } = Build(Hours(("friday", "09:00-18:00")),
    [
        new ServiceDocument { Id = "mani", Name = "Manicura", DurationMinutes = 45, Price = 7000 },
        new ServiceDocument { Id = "semi", Name = "Esmaltado semipermanente", DurationMinutes = 60, Price = 9000 },
        new ServiceDocument { Id = "pedi", Name = "Pedicura", DurationMinutes = 45, Price = 8000 },
    ],
    [new ProfessionalDocument { Id = "ana", Name = "Ana", Services = ["mani", "semi", "pedi"] }]);
}
