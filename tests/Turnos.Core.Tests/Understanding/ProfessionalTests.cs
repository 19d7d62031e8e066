using Turnos.Core.Businesses.Documents;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Who the customer wants: Carlos Ramírez, Lucía Fernández, Sofía Gómez, or anyone.</summary>
public class ProfessionalTests
{
    public static TheoryData<string, string> Professionals => Table(
        ("con Lucía", "pro=lucia"), ("con lucia", "pro=lucia"), ("con LUCIA", "pro=lucia"), ("con Lucía Fernández", "pro=lucia"),
        ("con lucia fernandez", "pro=lucia"), ("con Fernández", "pro=lucia"), ("con Carlos", "pro=carlos"), ("con carlos ramirez", "pro=carlos"),
        ("con Ramírez", "pro=carlos"), ("con Sofía", "pro=sofia"), ("con sofia", "pro=sofia"), ("con sofi", "pro=sofia"),
        ("con lusia", "pro=lucia"), ("con Carlitos", "pro=null"), ("con carls", "pro=carlos"), ("Lucía tiene lugar mañana?", "pro=lucia"),
        ("quiero turno con lucia para corte", "pro=lucia|service=corte"), ("que me atienda Carlos", "pro=carlos"),
        ("Carlos Ramírez", "pro=carlos"), ("mañana con Sofía a las 10", "pro=sofia|time=10:00|date=2026-11-19"),
        ("soy Lucía", "pro=null|name=Lucía"), ("me llamo Carlos", "pro=null|name=Carlos"), ("con Pedro", "pro=null"),
        ("con mi hermana", "pro=null"), ("con alguien", "pro=null"));

    [Theory, MemberData(nameof(Professionals))]
    public void Understand_ProfessionalMention_FindsThem(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    public static TheoryData<string, string> Anyone => Table(
        ("con cualquiera", "any=true|pro=null"), ("cualquiera", "any=true"), ("me da igual", "any=true"), ("me da igual quién", "any=true"),
        ("da igual", "any=true"), ("no importa quién", "any=true"), ("con quien sea", "any=true"), ("el que esté libre", "any=true"),
        ("cualquier profesional", "any=true"), ("indistinto", "any=true"), ("me da lo mismo", "any=true"),
        ("corte con cualquiera mañana", "any=true|service=corte|date=2026-11-19"),
        ("me da igual el horario", "any=null"), ("no importa la hora", "any=null"), ("a cualquier hora", "any=null"),
        ("con Lucía", "any=null"), ("quiero un turno", "any=null"));

    [Theory, MemberData(nameof(Anyone))]
    public void Understand_AnyoneWillDo_AnyProfessional(string text, string spec) => Check(Understand(text), spec, strict: false, text);

    [Fact]
    public void Understand_AnsweringWhoWith_ReadsNamesLeniently()
    {
        Assert.Equal("lucia", Understand("lucia", Expectation.Professional).ProfessionalId);
        Assert.Equal("sofia", Understand("Sofi", Expectation.Professional).ProfessionalId);
        Assert.Equal("carlos", Understand("el de carlos", Expectation.Professional).ProfessionalId);
        Assert.True(Understand("me da igual", Expectation.Professional).AnyProfessional);
        Assert.False(Understand("me da igual", Expectation.Time).AnyProfessional);
        Assert.False(Understand("me da igual", Expectation.Date).AnyProfessional);
    }

    [Fact]
    public void Understand_TwoProfessionalsShareAFirstName_NeedsTheSurname()
    {
        var twins = Build(Hours(("monday", "09:00-18:00")),
            [new ServiceDocument { Id = "corte", Name = "Corte", DurationMinutes = 30, Price = 1 }],
            [
                new ProfessionalDocument { Id = "ana-g", Name = "Ana García", Services = ["corte"] },
                new ProfessionalDocument { Id = "ana-l", Name = "Ana López", Services = ["corte"] },
            ]);
        Assert.Null(Understand("con Ana", business: twins).ProfessionalId);
        Assert.Equal("ana-l", Understand("con Ana López", business: twins).ProfessionalId);
        Assert.Equal("ana-g", Understand("con ana garcia mañana", business: twins).ProfessionalId);
        Assert.Equal("ana-g", Understand("con García", business: twins).ProfessionalId);
    }
}
