using System.Net;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Availability.Api;

/// <summary>Every refusal: 400 VALIDACION or 404 NO_ENCONTRADO, the source's Spanish message, the parameter at fault.</summary>
[Collection("Azurite")]
public sealed class AvailabilityValidationTests(AzuriteFixture azurite) : AvailabilityApiTests(azurite)
{
    [Theory]
    [InlineData("servicio_id=corte", 400, "fecha", "La fecha es requerida")]
    [InlineData("fecha=&servicio_id=corte", 400, "fecha", "La fecha es requerida")]
    [InlineData("fecha=24/11/2026&servicio_id=corte", 400, "fecha", "Formato de fecha inválido (YYYY-MM-DD)")]
    [InlineData("fecha=2026-02-30&servicio_id=corte", 400, "fecha", "Formato de fecha inválido (YYYY-MM-DD)")]
    [InlineData("fecha=pasado&servicio_id=corte", 400, "fecha", "Formato de fecha inválido (YYYY-MM-DD)")]
    [InlineData("fecha=9999-12-31&servicio_id=corte", 400, "fecha", "La fecha está fuera de rango")]
    [InlineData("fecha=hoy", 400, "servicio_id", "El servicio es requerido")]
    [InlineData("fecha=hoy&servicio_id=masaje", 404, "servicio_id", "Servicio no encontrado")]
    [InlineData("fecha=hoy&servicio_id=corte&profesional_id=pedro", 404, "profesional_id", "Profesional no encontrado")]
    [InlineData("fecha=hoy&servicio_id=manicura&profesional_id=carlos", 400, "profesional_id", "El profesional no ofrece este servicio")]
    [InlineData("fecha=hoy&servicio_id=corte&hora=25:00", 400, "hora", "Formato de hora inválido (HH:MM)")]
    [InlineData("fecha=hoy&servicio_id=corte&hora=10", 400, "hora", "Formato de hora inválido (HH:MM)")]
    [InlineData("fecha=hoy&servicio_id=corte&hora=10:00:00", 400, "hora", "Formato de hora inválido (HH:MM)")]
    [InlineData("fecha=hoy&servicio_id=corte&hora=10:07", 400, "hora", "La hora debe ser múltiplo de 5 minutos (por ejemplo 10:05)")]
    [InlineData("fecha=hoy&servicio_id=corte&duracion=10", 400, "duracion", "La duración debe estar entre 15 y 480 minutos")]
    [InlineData("fecha=hoy&servicio_id=corte&duracion=481", 400, "duracion", "La duración debe estar entre 15 y 480 minutos")]
    [InlineData("fecha=hoy&servicio_id=corte&duracion=media", 400, "duracion", "La duración debe estar entre 15 y 480 minutos")]
    [InlineData("fecha=hoy&servicio_id=corte&duracion=47", 400, "duracion", "La duración debe ser múltiplo de 5 minutos")]
    [InlineData("fecha=hoy&servicio_id=corte&intervalo_minutos=20", 400, "intervalo_minutos", "El intervalo debe ser de 15, 30 o 60 minutos")]
    [InlineData("fecha=hoy&servicio_id=corte&intervalo_minutos=x", 400, "intervalo_minutos", "El intervalo debe ser de 15, 30 o 60 minutos")]
    [InlineData("fecha=hoy&servicio_id=corte&rango_dias=0", 400, "rango_dias", "El rango de días debe ser un número entero mayor o igual a 1")]
    [InlineData("fecha=hoy&servicio_id=corte&rango_dias=-3", 400, "rango_dias", "El rango de días debe ser un número entero mayor o igual a 1")]
    [InlineData("fecha=hoy&servicio_id=corte&solo_disponibles=quizas", 400, "solo_disponibles", "solo_disponibles debe ser true o false")]
    [InlineData("fecha=hoy&servicio_id=corte&negocio=otro", 404, "negocio", "Negocio no encontrado")]
    public async Task InvalidQuery_IsRefusedInSpanish(string query, int status, string campo, string mensaje)
    {
        var owner = await ClientAsync(ApiRole.Owner);

        await AssertRefusedAsync(owner, $"{Availability}?{query}", status, campo, mensaje);
    }

    [Theory]
    [InlineData("fecha=hoy&servicio_id=corte", 400, "El negocio es requerido")]
    [InlineData("fecha=hoy&servicio_id=corte&negocio=nope", 404, "Negocio no encontrado")]
    [InlineData("fecha=hoy&servicio_id=corte&negocio=NO%2FPE", 404, "Negocio no encontrado")]
    public async Task PlatformKey_NeedsAnExistingNegocio(string query, int status, string mensaje)
    {
        var platform = await ClientAsync(ApiRole.Platform);

        await AssertRefusedAsync(platform, $"{Availability}?{query}", status, "negocio", mensaje);
        await AssertRefusedAsync(platform, $"{WalkIn}?{query}", status, "negocio", mensaje);
    }

    [Theory]
    [InlineData("", 400, "servicio_id", "El servicio es requerido")]
    [InlineData("servicio_id=masaje", 404, "servicio_id", "Servicio no encontrado")]
    [InlineData("servicio_id=corte&profesional_id=pedro", 404, "profesional_id", "Profesional no encontrado")]
    [InlineData("servicio_id=manicura&profesional_id=carlos", 400, "profesional_id", "El profesional no ofrece este servicio")]
    [InlineData("servicio_id=corte&negocio=otro", 404, "negocio", "Negocio no encontrado")]
    public async Task WalkIn_InvalidQuery_IsRefusedInSpanish(string query, int status, string campo, string mensaje)
    {
        var bot = await ClientAsync(ApiRole.Bot);

        await AssertRefusedAsync(bot, $"{WalkIn}?{query}", status, campo, mensaje);
    }

    private static async Task AssertRefusedAsync(HttpClient client, string url, int status, string campo, string mensaje)
    {
        var (code, body) = await GetAsync(client, url);

        Assert.Equal((HttpStatusCode)status, code);
        Assert.Equal(["success", "error"], Names(body));
        Assert.False(body.GetProperty("success").GetBoolean());
        var error = body.GetProperty("error");
        Assert.Equal(["codigo", "mensaje", "campo"], Names(error));
        Assert.Equal((status == 400 ? "VALIDACION" : "NO_ENCONTRADO", mensaje, campo),
            (error.GetProperty("codigo").GetString(), error.GetProperty("mensaje").GetString(), error.GetProperty("campo").GetString()));
    }
}
