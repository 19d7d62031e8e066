using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Turnos.Functions.Calendar.GoogleApi;

namespace Turnos.Functions.Tests.Calendar.GoogleApi;

/// <summary>The pages at the end of connecting Google Calendar, filled from Calendar/Google/web/connect-page.html.</summary>
public sealed class ConnectPagesTests
{
    [Theory]
    [InlineData(CallbackResult.Connected, HttpStatusCode.OK, "¡Listo!", "Conectamos el calendario de Google de <b>Peluquería Demo</b> (agenda@example.com). Desde ahora")]
    [InlineData(CallbackResult.Denied, HttpStatusCode.BadRequest, "No se conectó el calendario", "el calendario de <b>Peluquería Demo</b> no quedó conectado y no se guardó nada.")]
    [InlineData(CallbackResult.UsedLink, HttpStatusCode.BadRequest, "Este enlace ya se usó", "Cada enlace para conectar Google Calendar sirve una sola vez.")]
    [InlineData(CallbackResult.ExpiredLink, HttpStatusCode.BadRequest, "Este enlace venció", "Los enlaces para conectar Google Calendar duran 15 minutos.")]
    [InlineData(CallbackResult.GoogleFailed, HttpStatusCode.BadGateway, "No pudimos terminar la conexión", "Google no confirmó el permiso, así que el calendario de <b>Peluquería Demo</b> no quedó conectado.")]
    [InlineData(CallbackResult.InvalidLink, HttpStatusCode.BadRequest, "Este enlace no es válido", "No reconocemos este enlace para conectar Google Calendar.")]
    public async Task EachResult_HasItsStatusTitleAndText_WithNothingLeftToFill(CallbackResult result, HttpStatusCode status, string title, string text)
    {
        var page = await RenderAsync(ConnectPages.For(result, "Peluquería Demo", "agenda@example.com"));

        Assert.Equal((int)status, page.Status);
        Assert.Contains($"<title>{title} · Turnos</title>", page.Html);
        Assert.Contains($"<h1>{title}</h1><p>", page.Html);
        Assert.Contains(text, page.Html);
        Assert.DoesNotContain("{{", page.Html);
        Assert.DoesNotContain("{0}", page.Html);
        Assert.Equal("text/html; charset=utf-8", page.Headers.ContentType.ToString());
        Assert.Equal("no-store", page.Headers.CacheControl.ToString());
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"].ToString());
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", page.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task NotConfigured_Is503()
    {
        var page = await RenderAsync(ConnectPages.NotConfigured());

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, page.Status);
        Assert.Contains("<h1>La conexión con Google Calendar no está disponible</h1><p>Turnos todavía no está configurado para conectarse con Google.</p><p>Avísale a quien administra Turnos.</p>", page.Html);
    }

    [Fact]
    public async Task NameAndAccount_AreEncoded_AndStayTextEvenWhenTheyLookLikePlaceholders()
    {
        var page = await RenderAsync(ConnectPages.For(CallbackResult.Connected, "<script>alert(1)</script> & {{next}} {1}", "x{0}\"@example.com"));

        Assert.DoesNotContain("<script>", page.Html);
        Assert.Contains("<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{next}} {1}</b> (x{0}&quot;@example.com).", page.Html);
        Assert.Contains("<p>Ya puedes cerrar esta ventana.</p>", page.Html);
    }

    private static async Task<(int Status, IHeaderDictionary Headers, string Html)> RenderAsync(IResult result)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, http.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }
}
