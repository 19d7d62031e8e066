using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.UnderstandingSpec;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Odd input: the rules run on every WhatsApp turn, offline, and must never throw.</summary>
public class RobustnessTests
{
    [Fact]
    public void Understand_HugeMessage_ReadsOnlyItsStart()
    {
        // Speed is measured in bench/ (dotnet run -c Release --project bench/Turnos.Bench -- understanding).
        var text = "quiero un corte mañana a las 3 " + string.Concat(Enumerable.Repeat("bla bla 12:00 uñas con lucia ", 5000));
        var u = Understand(text);
        Assert.Equal(new TimeOnly(15, 0), u.Time);
        Assert.Equal("corte", u.ServiceId);
    }

    [Theory]
    [InlineData("\0\u0001\u200b")]
    [InlineData("🙂🙂🙂🙂")]
    [InlineData("\ud83d")] // a lone surrogate
    [InlineData("@@@ ### ::: /// ---")]
    [InlineData("99:99 32/13 25hs -1 0:00 00/00/0000")]
    [InlineData("a las")]
    [InlineData("entre las y las")]
    [InlineData("el")]
    [InlineData("con")]
    [InlineData("me llamo")]
    [InlineData("#")]
    public void Understand_OddInput_DoesNotThrow(string text)
    {
        foreach (var expecting in Enum.GetValues<Expectation>()) Understand(text, expecting);
    }

    [Fact]
    public void Understand_DecomposedAccents_ReadLikeComposedOnes()
    {
        var decomposed = "man\u0303ana a las 3 con Luci\u0301a";
        Assert.Equal(Understand("mañana a las 3 con Lucía"), Understand(decomposed));
        Assert.Equal("lucia", Understand(decomposed).ProfessionalId);
    }
}
