namespace Turnos.Functions.Widget;

/// <summary>The <c>detail</c> of the widget endpoints' problems: the widget shows it to the visitor, so it is Spanish.</summary>
internal static class WidgetTexts
{
    public const string Unavailable = "Este chat no está disponible.";
    public const string OriginRefused = "Este chat no está habilitado en este sitio.";
    public const string InvalidConversation = "La conversación no es válida. Recarga la página e intenta de nuevo.";
    public const string EmptyText = "Escribe un mensaje.";
    public const string NotJson = "No pudimos leer tu mensaje. Recarga la página e intenta de nuevo.";
    public const string TimedOut = "La respuesta está tardando más de lo normal. Intenta de nuevo en un momento.";
    public const string Failed = "No pudimos enviar tu mensaje. Intenta de nuevo en un momento.";

    public static string TooLong(int max) => $"Tu mensaje es muy largo: escribe hasta {max} caracteres.";

    public static string Limited(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return $"Enviaste muchos mensajes seguidos. Vuelve a intentarlo en {minutes} {(minutes == 1 ? "minuto" : "minutos")}.";
    }
}
