using Turnos.Core.Businesses.Documents;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Services by name, synonym and typo, against the demo catalog and others.</summary>
public class ServiceTests
{
    public static TheoryData<string, string> Services => Table(
        ("corte", "corte"), ("Corte de cabello", "corte"), ("corte de pelo", "corte"), ("cortarme el pelo", "corte"),
        ("quiero cortarme el pelo", "corte"), ("cortar el pelo", "corte"), ("un corte", "corte"), ("cortarle el pelo a mi hijo", "corte"),
        ("CORTE", "corte"), ("cabello corte", "corte"), ("corete", "corte"), ("cortw", "corte"), ("me quiero rapar", "corte"),
        ("coloración", "coloracion"), ("coloracion", "coloracion"), ("coloracon", "coloracion"), ("colorasion", "coloracion"),
        ("tintura", "coloracion"), ("tinte", "coloracion"), ("color", "coloracion"), ("teñirme", "coloracion"),
        ("me quiero teñir el pelo", "coloracion"), ("tenirme el pelo", "coloracion"), ("unas mechas", "coloracion"),
        ("reflejos", "coloracion"), ("balayage", "coloracion"),
        ("manicura", "manicura"), ("Manicura", "manicura"), ("manicuria", "manicura"), ("manicure", "manicura"), ("uñas", "manicura"),
        ("las uñas", "manicura"), ("hacerme las uñas", "manicura"), ("hacerme las unas", "manicura"), ("pintarme las uñas", "manicura"),
        ("manos", "manicura"), ("esmaltado semipermanente", "manicura"), ("manicrua", "manicura"),
        ("barba", "barba"), ("la barba", "barba"), ("afeitar", "barba"), ("afeitarme", "barba"), ("arreglo de barba", "barba"),
        ("barva", "barba"), ("perfilar la barba", "barba"), ("bigote", "barba"),
        ("peinado", "peinado"), ("un peinado para una fiesta", "peinado"), ("brushing", "peinado"), ("planchita", "peinado"),
        ("peinarme", "peinado"), ("peinao", "peinado"), ("ondas", "peinado"), ("un recogido", "peinado"),
        ("cuánto sale el corte?", "corte"), ("tenés lugar para uñas?", "manicura"), ("quiero coloración", "coloracion"));

    [Theory, MemberData(nameof(Services))]
    public void Understand_ServiceWords_FindTheCatalogService(string text, string service) =>
        Check(Understand(text), $"service={service}", strict: false, text);

    public static TheoryData<string, string> NotServices => Table(
        ("hace mucho calor", "service=null"), ("quiero un turno", "service=null"), ("hola", "service=null"), ("pelo", "service=null"),
        ("algo para el pelo", "service=null"), ("unas preguntas", "service=null"), ("tengo unas dudas", "service=null"),
        ("cortesía", "service=null|intent=other"), ("norte", "service=null"), ("parte", "service=null"), ("a las 3", "service=null"),
        ("con Carlos", "service=null"), ("soy Barbara", "service=null|name=Barbara"), ("juan.corte@gmail.com", "service=null|email=juan.corte@gmail.com"),
        ("mañana", "service=null"), ("qué tienen?", "service=null"));

    [Theory, MemberData(nameof(NotServices))]
    public void Understand_WordsThatNameNoService_NoService(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    [Fact]
    public void Understand_SynonymsFollowTheCatalog_NotFixedIds()
    {
        var other = Build(Hours(("monday", "09:00-18:00")),
        [
            new ServiceDocument { Id = "cut-m", Name = "Corte caballero", DurationMinutes = 30, Price = 1 },
            new ServiceDocument { Id = "cut-w", Name = "Corte dama", DurationMinutes = 45, Price = 1 },
            new ServiceDocument { Id = "nails", Name = "Esmaltado semipermanente", DurationMinutes = 60, Price = 1 },
            new ServiceDocument { Id = "beard", Name = "Corte de barba", DurationMinutes = 20, Price = 1 },
            new ServiceDocument { Id = "massage", Name = "Masaje descontracturante", DurationMinutes = 60, Price = 1 },
        ],
        [new ProfessionalDocument { Id = "ana", Name = "Ana", Services = ["cut-m", "cut-w", "nails", "beard", "massage"] }]);
        Assert.Equal("nails", Understand("uñas", business: other).ServiceId);
        Assert.Equal("cut-w", Understand("corte dama", business: other).ServiceId);
        Assert.Equal("cut-m", Understand("corte para caballero", business: other).ServiceId);
        Assert.Equal("beard", Understand("afeitarme la barba", business: other).ServiceId);
        Assert.Equal("massage", Understand("un masaje", business: other).ServiceId);
        Assert.Null(Understand("un corte", business: other).ServiceId); // three cuts: ask which
        Assert.Null(Understand("coloración", business: other).ServiceId); // not offered here
    }

    [Fact]
    public void Understand_ServiceNamedLikeACatalogWithVariants_PrefersTheFullerMatch()
    {
        var variants = Build(Hours(("monday", "09:00-18:00")),
        [
            new ServiceDocument { Id = "mani", Name = "Manicura", DurationMinutes = 30, Price = 1 },
            new ServiceDocument { Id = "mani-full", Name = "Manicura completa", DurationMinutes = 60, Price = 1 },
        ],
        [new ProfessionalDocument { Id = "ana", Name = "Ana", Services = ["mani", "mani-full"] }]);
        Assert.Equal("mani", Understand("manicura", business: variants).ServiceId);
        Assert.Equal("mani-full", Understand("manicura completa", business: variants).ServiceId);
        Assert.Null(Understand("uñas", business: variants).ServiceId);
    }
}
