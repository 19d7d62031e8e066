using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>The small pages business staff see at the end of connecting Google Calendar (Spanish, self-contained).</summary>
public static class ConnectPages
{
    // Escapes markup but keeps Spanish letters readable in the page source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult For(CallbackResult result, string businessName, string? calendarEmail)
    {
        var name = $"<b>{Html.Encode(businessName)}</b>";
        var account = calendarEmail is null ? "" : $" ({Html.Encode(calendarEmail)})";
        return result switch
        {
            CallbackResult.Connected => Page(StatusCodes.Status200OK, "¡Listo!",
                $"Conectamos el calendario de Google de {name}{account}. Desde ahora, cada turno reservado por WhatsApp aparece en ese calendario, con invitación para el profesional y el cliente, y los horarios ocupados allí no se ofrecen.",
                "Ya puedes cerrar esta ventana."),
            CallbackResult.Denied => Page(StatusCodes.Status400BadRequest, "No se conectó el calendario",
                $"No diste permiso en Google, así que el calendario de {name} no quedó conectado y no se guardó nada.",
                "Si fue un error, vuelve a abrir el enlace que te enviaron mientras siga vigente (dura 15 minutos)."),
            CallbackResult.UsedLink => Page(StatusCodes.Status400BadRequest, "Este enlace ya se usó",
                "Cada enlace para conectar Google Calendar sirve una sola vez.",
                "Si necesitas conectar el calendario otra vez, pide un enlace nuevo a quien administra Turnos."),
            CallbackResult.ExpiredLink => Page(StatusCodes.Status400BadRequest, "Este enlace venció",
                "Los enlaces para conectar Google Calendar duran 15 minutos.",
                "Pide un enlace nuevo a quien administra Turnos."),
            CallbackResult.GoogleFailed => Page(StatusCodes.Status502BadGateway, "No pudimos terminar la conexión",
                $"Google no confirmó el permiso, así que el calendario de {name} no quedó conectado.",
                "Pide un enlace nuevo a quien administra Turnos y vuelve a intentarlo en unos minutos."),
            _ => Page(StatusCodes.Status400BadRequest, "Este enlace no es válido",
                "No reconocemos este enlace para conectar Google Calendar.",
                "Pide un enlace nuevo a quien administra Turnos."),
        };
    }

    public static IResult NotConfigured() => Page(StatusCodes.Status503ServiceUnavailable, "La conexión con Google Calendar no está disponible",
        "Turnos todavía no está configurado para conectarse con Google.", "Avísale a quien administra Turnos.");

    private static IResult Page(int status, string title, string message, string next) => new HtmlPage(status, $$"""
        <!doctype html>
        <html lang="es">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Turnos</title>
        <style>
        body { font-family: system-ui, sans-serif; background: #f4f6f8; color: #1f2933; margin: 0; }
        main { max-width: 32rem; margin: 12vh auto; background: #fff; padding: 2rem; border-radius: 12px; box-shadow: 0 2px 12px #0001; }
        h1 { font-size: 1.4rem; margin-top: 0; }
        p { line-height: 1.5; }
        </style>
        </head>
        <body><main><h1>{{title}}</h1><p>{{message}}</p><p>{{next}}</p></main></body>
        </html>
        """);

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
