using System.Xml.Linq;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

public sealed class TwiMLTests
{
    [Fact]
    public void Response_Replies_OneEscapedMessageEach()
    {
        var xml = TwiML.Response(["Hola <Ana> & \"amigos\"", "¿Confirmo? 🙂"]);

        Assert.Contains("""<Response><Message>Hola &lt;Ana&gt; &amp; "amigos"</Message>""", xml);
        Assert.Equal("1.0", XDocument.Parse(xml).Declaration?.Version);
        Assert.Equal(["Hola <Ana> & \"amigos\"", "¿Confirmo? 🙂"], XDocument.Parse(xml).Root!.Elements("Message").Select(m => m.Value));
    }

    [Fact]
    public void Response_NoReplies_EmptyResponse()
    {
        var xml = TwiML.Response([]);

        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.Empty(root.Elements());
    }

    [Fact]
    public void Response_CharactersXmlCannotCarry_AreDropped() =>
        Assert.Equal("ab😀", XDocument.Parse(TwiML.Response(["a\u0001b\uD800😀"])).Root!.Element("Message")!.Value);

    [Fact]
    public void Split_LongText_BreaksAtParagraphsWithinTheLimit()
    {
        var paragraphs = Enumerable.Range(1, 5).Select(i => new string((char)('a' + i), 700)).ToArray();

        var parts = TwiML.Split(string.Join("\n\n", paragraphs));

        Assert.All(parts, p => Assert.True(p.Length <= TwiML.MaxMessageLength));
        Assert.Equal([paragraphs[0] + "\n\n" + paragraphs[1], paragraphs[2] + "\n\n" + paragraphs[3], paragraphs[4]], parts);
    }

    [Fact]
    public void Split_NoParagraphs_BreaksAtLinesThenSpaces()
    {
        var lines = string.Join("\n", Enumerable.Repeat(new string('x', 999), 2));
        var words = string.Join(" ", Enumerable.Repeat("palabra", 400));

        Assert.Equal([new string('x', 999), new string('x', 999)], TwiML.Split(lines));
        var parts = TwiML.Split(words);
        Assert.All(parts, p => Assert.True(p.Length <= TwiML.MaxMessageLength && !p.StartsWith(' ') && !p.EndsWith("palab", StringComparison.Ordinal)));
        Assert.Equal(words, string.Join(" ", parts));
    }

    [Fact]
    public void Split_NoBreaksAtAll_NeverCutsAnEmoji()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 1000));

        var parts = TwiML.Split(text);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_ShortText_Unchanged() => Assert.Equal(["hola"], TwiML.Split("  hola \n"));
}
