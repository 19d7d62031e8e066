using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Turnos.Core.Booking;
using Turnos.Functions.Admin;
using Turnos.Functions.Booking;
using Turnos.Functions.Chat;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Chat;

/// <summary>
/// The seven request/response examples of the source system's API reference ("Agent Citas v2.0.0", Ejemplos de Uso),
/// their bodies as the document writes them, on the demo data (<c>id_empresa</c> 123 the salon, 456 the consultancy).
/// The replies are Turnos's own words; each is of the kind the document shows. "Now" is Monday 23/11 12:00 in Buenos Aires.
/// </summary>
[Collection("Azurite")]
public sealed class SourceSystemExamplesTests(AzuriteFixture azurite)
{
    private static async Task<string> SayAsync(HttpClient gateway, string body)
    {
        var response = await gateway.PostAsync("/api/chat", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!;
    }

    private static async Task<(TurnosFactory App, HttpClient Gateway)> StartAsync(AzuriteFixture azurite)
    {
        var app = new TurnosFactory(azurite);
        var gateway = app.CreateClient();
        // One key per business: each request names its own business by id_empresa.
        var keys = app.Get<ApiKeyStore>();
        var (_, demo) = await keys.CreateAsync(ApiRole.Bot, "demo", "gateway", createdBy: null, default);
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo);
        return (app, gateway);
    }

    [Fact]
    public async Task Examples1To3_AMeetingAskedDayAndTimeThenDetails_IsBooked()
    {
        var (app, gateway) = await StartAsync(azurite);
        await using var _ = app;

        var first = await SayAsync(gateway, """
            { "message": "Hola, quiero agendar una reunión", "session_id": 1001,
              "context": { "config": { "id_empresa": 123, "nombre_bot": "Mara", "personalidad": "amable y profesional" } } }
            """);
        var second = await SayAsync(gateway, """
            { "message": "Para mañana a las 3pm", "session_id": 1001, "context": { "config": { "id_empresa": 123 } } }
            """);
        var third = await SayAsync(gateway, """
            { "message": "Juan Pérez, juan.perez@email.com", "session_id": 1001,
              "context": { "config": { "id_empresa": 123, "usuario_id": 7, "correo_usuario": "vendedor@empresa.com" } } }
            """);

        Assert.StartsWith("¡Hola! 👋 Soy Mara", first);
        Assert.EndsWith("¿Para qué día te gustaría? Puedes decirme, por ejemplo, *mañana* o *el viernes*.", first);
        Assert.Equal("¡Perfecto! Mañana (martes 24/11) a las 15:00 con Lucía está disponible. ✅ Para confirmar, necesito tu nombre completo y tu correo electrónico.",
            second);
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅\n*Asesoría de imagen*", third);
        var booked = Assert.Single(await app.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10, Demo.Tuesday10.AddDays(1), default));
        Assert.Equal(("asesoria", Demo.At(2026, 11, 24, 15), "Juan Pérez", "juan.perez@email.com", ChatChannel.Address(1001), AppointmentSource.Chat),
            (booked.ServiceId, booked.StartUtc, booked.Customer.Name, booked.Customer.Email, booked.Customer.Phone, booked.Source));
    }

    [Fact]
    public async Task Examples4To6_TodaysTimes_ASpecificSlot_AndAPrice()
    {
        var (app, gateway) = await StartAsync(azurite);
        await using var _ = app;

        var today = await SayAsync(gateway, """
            { "message": "¿Qué horarios tienen disponibles para hoy?", "session_id": 1002, "context": { "config": { "id_empresa": 123 } } }
            """);
        var friday = await SayAsync(gateway, """
            { "message": "¿El viernes a las 4pm tienen disponibilidad?", "session_id": 1003, "context": { "config": { "id_empresa": 123 } } }
            """);
        var price = await SayAsync(gateway, """
            { "message": "¿Cuánto cuesta el servicio de consultoría estratégica?", "session_id": 1004, "context": { "config": { "id_empresa": 123 } } }
            """);

        Assert.Contains("Para hoy (lunes 23/11) tengo libre: 13:00, 13:30, 14:00", today);
        Assert.EndsWith("¿Qué horario prefieres?", today);
        Assert.EndsWith("¡Sí! El viernes 27/11 a las 16:00 está libre con Lucía. 🙌 ¿Te lo reservo?", friday);
        Assert.Contains("*Asesoría de imagen* — $4.000 (30 min)", price);
        Assert.Empty(await app.Get<AppointmentStore>().ListAsync("demo", Demo.Tuesday10.AddDays(-1), Demo.Tuesday10.AddDays(7), default));
    }

    [Fact]
    public async Task Example7_AnotherCompanyWithEveryOption_GreetsInItsOwnWords_AndBooksItsAdvisor()
    {
        var (app, gateway) = await StartAsync(azurite);
        await using var _ = app;
        var (_, key) = await app.Get<ApiKeyStore>().CreateAsync(ApiRole.Bot, "consultora", "gateway", createdBy: null, default);
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        const string Config = """
            "id_empresa": 456, "usuario_id": 12, "correo_usuario": "asesor@miempresa.com", "personalidad": "entusiasta y directo",
            "nombre_bot": "Alex", "frase_saludo": "¡Hola! Soy Alex, tu asistente de citas.", "frase_des": "¡Hasta pronto! Fue un placer atenderte.",
            "frase_no_sabe": "No tengo esa información, pero puedo conectarte con un asesor.", "duracion_cita_minutos": 45, "slots": 30,
            "agendar_usuario": 1, "agendar_sucursal": 0
            """;

        var greeting = await SayAsync(gateway, $$"""{ "message": "Buenos días", "session_id": 9999, "context": { "config": { {{Config}} } } }""");
        var slot = await SayAsync(gateway, $$"""{ "message": "El jueves a las 10:30", "session_id": 9999, "context": { "config": { {{Config}} } } }""");
        var booked = await SayAsync(gateway, $$"""{ "message": "Ana Gómez, ana@example.com", "session_id": 9999, "context": { "config": { {{Config}} } } }""");

        Assert.StartsWith("¡Hola! Soy Alex, tu asistente de citas.\n\n", greeting);
        Assert.Contains("*reservar*", greeting);
        Assert.StartsWith("¡Perfecto! Jueves 26/11 a las 10:30 con Andrés está disponible.", slot); // every 30 minutes, as "slots" says
        Assert.StartsWith("¡Listo! Tu turno quedó reservado ✅\n*Reunión comercial*", booked);
        var lima = TimeSpan.FromHours(-5);
        var appointment = Assert.Single(await app.Get<AppointmentStore>().ListAsync("consultora", Demo.Tuesday10, Demo.Tuesday10.AddDays(7), default));
        Assert.Equal(("andres", new DateTimeOffset(2026, 11, 26, 10, 30, 0, lima).ToUniversalTime(), TimeSpan.FromMinutes(45)),
            (appointment.ProfessionalId, appointment.StartUtc, appointment.EndUtc - appointment.StartUtc));
    }
}
