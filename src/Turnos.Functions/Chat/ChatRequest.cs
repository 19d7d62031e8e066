using System.Text.Json;
using Turnos.Functions.Conversations.Orchestration;

namespace Turnos.Functions.Chat;

/// <summary>
/// The source system's <c>POST /api/chat</c> body: <c>{ message, session_id, context: { config: { id_empresa, … } } }</c>.
/// Read by hand from the JSON document so each defect gets the source system's own answer: a body that is not JSON or a
/// <c>session_id</c> that is not an integer is a 400; a missing <c>id_empresa</c> is a reply, word for word.
/// </summary>
public sealed record ChatRequest(string Message, long SessionId, long? BusinessExternalId, ChatPersona? Persona, ChatBooking? Booking = null)
{
    public static (ChatRequest? Request, string? Problem) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object.");
        if (!body.TryGetProperty("session_id", out var session) || session.ValueKind != JsonValueKind.Number || !session.TryGetInt64(out var sessionId))
            return (null, "'session_id' is required and must be an integer.");
        var message = body.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        var config = body.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        long? externalId = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("id_empresa", out var e) && e.TryGetInt64(out var id) ? id : null;
        return (new ChatRequest(message, sessionId, externalId, PersonaOf(config), BookingOf(config)), null);
    }

    private static ChatBooking? BookingOf(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object) return null;
        int? Number(string name) => config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
        // agendar_usuario: 1 (the default) or true names the professional by correo_usuario; 0 or false leaves it open.
        var byProfessional = !config.TryGetProperty("agendar_usuario", out var a)
            || a.ValueKind == JsonValueKind.True || (a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var flag) && flag != 0);
        var email = byProfessional && config.TryGetProperty("correo_usuario", out var e) && e.ValueKind == JsonValueKind.String
            && e.GetString() is { Length: > 0 } s ? s.Trim() : null;
        var booking = new ChatBooking(Number("duracion_cita_minutos"), Number("slots"), email);
        return booking == new ChatBooking() ? null : booking;
    }

    private static ChatPersona? PersonaOf(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name) => config.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s.Trim() : null;
        var persona = new ChatPersona(Text("nombre_bot"), Text("frase_saludo"), Text("frase_des"), Text("frase_no_sabe"));
        return persona == new ChatPersona() ? null : persona;
    }
}
