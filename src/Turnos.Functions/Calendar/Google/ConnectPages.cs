using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Turnos.Functions.WebAssets;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>
/// The small pages business staff see at the end of connecting Google Calendar (Spanish, self-contained): one
/// template, <c>Calendar/Google/web/connect-page.html</c>, filled with HTML-encoded texts.
/// </summary>
public static partial class ConnectPages
{
    // Escapes markup but keeps Spanish letters readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly WebAssetCatalog Files = new("google");

    public static IResult For(CallbackResult result, string businessName, string? calendarEmail)
    {
        // In the sentences, {0} is the business (in bold) and {1} the Google account, when known.
        string Say(string sentence) => Sentence(sentence, businessName, calendarEmail is null ? "" : $" ({calendarEmail})");
        return result switch
        {
            CallbackResult.Connected => Page(StatusCodes.Status200OK, "¡Listo!",
                Say("Conectamos el calendario de Google de {0}{1}. Desde ahora, cada turno reservado por WhatsApp aparece en ese calendario, con invitación para el profesional y el cliente, y los horarios ocupados allí no se ofrecen."),
                "Ya puedes cerrar esta ventana."),
            CallbackResult.Denied => Page(StatusCodes.Status400BadRequest, "No se conectó el calendario",
                Say("No diste permiso en Google, así que el calendario de {0} no quedó conectado y no se guardó nada."),
                "Si fue un error, vuelve a abrir el enlace que te enviaron mientras siga vigente (dura 15 minutos)."),
            CallbackResult.UsedLink => Page(StatusCodes.Status400BadRequest, "Este enlace ya se usó",
                Say("Cada enlace para conectar Google Calendar sirve una sola vez."),
                "Si necesitas conectar el calendario otra vez, pide un enlace nuevo a quien administra Turnos."),
            CallbackResult.ExpiredLink => Page(StatusCodes.Status400BadRequest, "Este enlace venció",
                Say("Los enlaces para conectar Google Calendar duran 15 minutos."),
                "Pide un enlace nuevo a quien administra Turnos."),
            CallbackResult.GoogleFailed => Page(StatusCodes.Status502BadGateway, "No pudimos terminar la conexión",
                Say("Google no confirmó el permiso, así que el calendario de {0} no quedó conectado."),
                "Pide un enlace nuevo a quien administra Turnos y vuelve a intentarlo en unos minutos."),
            _ => Page(StatusCodes.Status400BadRequest, "Este enlace no es válido",
                Say("No reconocemos este enlace para conectar Google Calendar."),
                "Pide un enlace nuevo a quien administra Turnos."),
        };
    }

    public static IResult NotConfigured() => Page(StatusCodes.Status503ServiceUnavailable, "La conexión con Google Calendar no está disponible",
        Sentence("Turnos todavía no está configurado para conectarse con Google.", "", ""), "Avísale a quien administra Turnos.");

    /// <summary>The sentence as HTML: its text and the values encoded, the business name in bold. The sentence is split
    /// before the values go in, so a name or an address that looks like a placeholder stays text.</summary>
    private static string Sentence(string sentence, string business, string account) =>
        string.Concat(SentencePlaceholder().Split(sentence).Select((part, i) => (i % 2, part) switch
        {
            (0, _) => Html.Encode(part),
            (_, "0") => $"<b>{Html.Encode(business)}</b>",
            _ => Html.Encode(account),
        }));

    /// <summary>The template with its {{title}}, {{message}} (already HTML) and {{next}} filled in one pass.</summary>
    private static IResult Page(int status, string title, string messageHtml, string next)
    {
        var values = new Dictionary<string, string> { ["title"] = Html.Encode(title), ["message"] = messageHtml, ["next"] = Html.Encode(next) };
        return new HtmlPage(status, TemplatePlaceholder().Replace(Files.Get("connect-page.html").Text, m => values[m.Groups[1].Value]));
    }

    [GeneratedRegex(@"\{([01])\}")]
    private static partial Regex SentencePlaceholder();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex TemplatePlaceholder();

    /// <summary>HTML that is never cached and never passes the URL (which carries the code and state) on.</summary>
    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
            return http.Response.WriteAsync(html);
        }
    }
}
