using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Core.Tests.Catalog;

/// <summary>The catalog's <c>webChat.allowedOrigins</c>: the sites that may embed the web chat widget.</summary>
public class WebChatSettingsTests
{
    private static BusinessDocument Doc(List<string?>? origins) => new()
    {
        Id = "demo", Name = "Peluquería Demo", TimeZone = "America/Argentina/Buenos_Aires", Currency = "ARS",
        WebChat = origins is null ? null : new WebChatDocument { AllowedOrigins = origins },
    };

    private static string[] Errors(BusinessDocument doc) => [.. CatalogValidator.Validate(doc, "b").Errors.Select(e => e.ToString())];

    [Fact]
    public void Absent_AnySiteMayEmbedIt_AndTheDocumentKeepsNotNamingIt()
    {
        var s = CatalogValidator.Validate(Doc(null), "b").Snapshot!;

        Assert.Equal(WebChat.Open, s.Business.WebChat);
        Assert.True(s.Business.WebChat.Allows("https://cualquier-sitio.example"));
        Assert.True(s.Business.WebChat.Allows("null")); // a sandboxed frame, too: nothing was restricted
        Assert.Null(CatalogDocuments.FromSnapshot(s).WebChat);
    }

    [Fact]
    public void Listed_OriginsAreNormalised_OnlyThoseSitesMayEmbedIt_AndTheyRoundTrip()
    {
        var s = CatalogValidator.Validate(Doc([" https://WWW.Peluqueria.example/ ", "http://localhost:8080", "https://shop.example:443", "https://ñandú.example"]), "b").Snapshot!;
        var again = CatalogValidator.Validate(CatalogDocuments.FromSnapshot(s), "b").Snapshot!;

        Assert.Equal(["https://www.peluqueria.example", "http://localhost:8080", "https://shop.example", "https://xn--and-6ma2c.example"],
            s.Business.WebChat.AllowedOrigins);
        Assert.True(s.Business.WebChat.Allows("https://www.peluqueria.example"));
        Assert.True(s.Business.WebChat.Allows("http://localhost:8080"));
        Assert.False(s.Business.WebChat.Allows("http://www.peluqueria.example")); // another scheme is another site
        Assert.False(s.Business.WebChat.Allows("http://localhost:3000"));
        Assert.False(s.Business.WebChat.Allows("https://peluqueria.example.evil.example"));
        Assert.False(s.Business.WebChat.Allows("null"));
        Assert.Equal(s.Business.WebChat, again.Business.WebChat);
    }

    [Fact]
    public void Empty_NoSiteMayEmbedIt()
    {
        var s = CatalogValidator.Validate(Doc([]), "b").Snapshot!;

        Assert.Equal([], s.Business.WebChat.AllowedOrigins);
        Assert.False(s.Business.WebChat.Allows("https://www.peluqueria.example"));
        Assert.Equal([], CatalogDocuments.FromSnapshot(s).WebChat?.AllowedOrigins);
    }

    public static TheoryData<string?, string> BadOrigins => new()
    {
        { "www.peluqueria.example", "b.webChat.allowedOrigins[0]: 'www.peluqueria.example' is not a web origin like https://www.example.com (scheme and host, no path)" },
        { "https://peluqueria.example/reservas", "b.webChat.allowedOrigins[0]: 'https://peluqueria.example/reservas' is not a web origin like https://www.example.com (scheme and host, no path)" },
        { "https://peluqueria.example?x=1", "b.webChat.allowedOrigins[0]: 'https://peluqueria.example?x=1' is not a web origin like https://www.example.com (scheme and host, no path)" },
        { "ftp://peluqueria.example", "b.webChat.allowedOrigins[0]: 'ftp://peluqueria.example' is not a web origin like https://www.example.com (scheme and host, no path)" },
        { "https://ana@peluqueria.example", "b.webChat.allowedOrigins[0]: 'https://ana@peluqueria.example' is not a web origin like https://www.example.com (scheme and host, no path)" },
        { "*", "b.webChat.allowedOrigins[0]: '*' is not a web origin like https://www.example.com (scheme and host, no path)" },
        { null, "b.webChat.allowedOrigins[0]: '' is not a web origin like https://www.example.com (scheme and host, no path)" },
    };

    [Theory]
    [MemberData(nameof(BadOrigins))]
    public void NotAnOrigin_IsNamed(string? origin, string error) => Assert.Equal([error], Errors(Doc([origin])));

    [Fact]
    public void Twice_OrTooMany_AreRefused()
    {
        Assert.Equal(["b.webChat.allowedOrigins[1]: https://a.example is listed twice"], Errors(Doc(["https://a.example", "https://A.example/"])));
        Assert.Equal(["b.webChat.allowedOrigins: must list at most 20 origins, not 21"],
            Errors(Doc([.. Enumerable.Range(1, 21).Select(i => (string?)$"https://s{i}.example")])));
    }
}
