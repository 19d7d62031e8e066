using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Availability.Api;

/// <summary>What each parameter asks for: dates, one time, only free slots or all, interval, duration, professional.</summary>
[Collection("Azurite")]
public sealed class AvailabilityQueryTests(AzuriteFixture azurite) : AvailabilityApiTests(azurite)
{
    [Fact]
    public async Task SoloDisponibles_ByDefaultListsFreeSlotsOnly_FalseListsEveryOneWithItsReason()
    {
        await BookAsync("coloracion", "carlos", Demo.Tuesday10); // 10:00–11:30
        var owner = await ClientAsync(ApiRole.Owner);

        var only = Professional((await DataAsync(owner, Availability + "?fecha=2026-11-24&servicio_id=corte&profesional_id=carlos"))
            .GetProperty("disponibilidad_por_fecha")[0], "carlos");
        var all = Professional((await DataAsync(owner, Availability + "?fecha=2026-11-24&servicio_id=corte&profesional_id=carlos&solo_disponibles=false"))
            .GetProperty("disponibilidad_por_fecha")[0], "carlos");

        Assert.DoesNotContain("10:00", Horas(only));
        Assert.All(only.GetProperty("slots").EnumerateArray(), s => Assert.True(s.GetProperty("disponible").GetBoolean()));
        Assert.Equal((17, 17), (only.GetProperty("slots").GetArrayLength(), only.GetProperty("total_slots_disponibles").GetInt32()));
        Assert.Equal(20, all.GetProperty("slots").GetArrayLength());
        Assert.Equal(["reservado", "reservado", "reservado"], all.GetProperty("slots").EnumerateArray()
            .Where(s => !s.GetProperty("disponible").GetBoolean()).Select(s => s.GetProperty("razon_no_disponible").GetString()));
    }

    [Fact]
    public async Task Hora_AsksForThatOneSlot_FreeOrNot()
    {
        await BookAsync("corte", "carlos", Demo.Tuesday10);
        var employee = await ClientAsync(ApiRole.Employee);

        var day = (await DataAsync(employee, Availability + "?fecha=2026-11-24&servicio_id=corte&hora=10:00")).GetProperty("disponibilidad_por_fecha")[0];
        var onlyFree = (await DataAsync(employee, Availability + "?fecha=2026-11-24&servicio_id=corte&hora=10:00&solo_disponibles=true"))
            .GetProperty("disponibilidad_por_fecha")[0];
        var sunday = (await DataAsync(employee, Availability + "?fecha=2026-11-29&servicio_id=corte&hora=10:00")).GetProperty("disponibilidad_por_fecha")[0];

        var carlos = Assert.Single(Professional(day, "carlos").GetProperty("slots").EnumerateArray());
        Assert.Equal(("10:00", false, "reservado"), (carlos.GetProperty("hora").GetString(), carlos.GetProperty("disponible").GetBoolean(),
            carlos.GetProperty("razon_no_disponible").GetString()));
        Assert.True(Assert.Single(Professional(day, "lucia").GetProperty("slots").EnumerateArray()).GetProperty("disponible").GetBoolean());
        Assert.Empty(Horas(Professional(onlyFree, "carlos")));
        Assert.Equal(["10:00"], Horas(Professional(onlyFree, "lucia")));
        Assert.Equal("dia_cerrado", Slot(Professional(sunday, "carlos"), "10:00").GetProperty("razon_no_disponible").GetString());
    }

    [Theory]
    [InlineData("hoy", "2026-11-23", "lunes")]
    [InlineData("mañana", "2026-11-24", "martes")]
    [InlineData("manana", "2026-11-24", "martes")]
    [InlineData("MAÑANA", "2026-11-24", "martes")]
    [InlineData("2026-11-25", "2026-11-25", "miércoles")]
    public async Task Fecha_AcceptsIsoDatesHoyAndManana(string fecha, string date, string weekday)
    {
        var customer = await ClientAsync(ApiRole.Customer);

        var day = (await DataAsync(customer, $"{Availability}?fecha={Uri.EscapeDataString(fecha)}&servicio_id=corte")).GetProperty("disponibilidad_por_fecha")[0];

        Assert.Equal((date, weekday), (day.GetProperty("fecha").GetString(), day.GetProperty("dia_semana").GetString()));
    }

    [Fact]
    public async Task Today_ShowsPastAndTooSoonSlots_AFarDayIsBeyondTheHorizon()
    {
        var platform = await ClientAsync(ApiRole.Platform);

        var today = Professional((await DataAsync(platform, Availability + "?negocio=demo&fecha=hoy&servicio_id=corte&solo_disponibles=false"))
            .GetProperty("disponibilidad_por_fecha")[0], "lucia");
        var far = Professional((await DataAsync(platform, Availability + "?negocio=demo&fecha=2027-02-01&servicio_id=corte&solo_disponibles=false"))
            .GetProperty("disponibilidad_por_fecha")[0], "lucia");

        Assert.Equal("pasado", Slot(today, "11:30").GetProperty("razon_no_disponible").GetString());
        Assert.Equal("muy_pronto", Slot(today, "12:30").GetProperty("razon_no_disponible").GetString());
        Assert.True(Slot(today, "13:00").GetProperty("disponible").GetBoolean());
        Assert.Equal("fuera_de_rango", Slot(far, "09:00").GetProperty("razon_no_disponible").GetString());
    }

    [Fact]
    public async Task ClosedDay_HasNoWorkingHoursAndNoSlots()
    {
        var owner = await ClientAsync(ApiRole.Owner);

        var sunday = (await DataAsync(owner, Availability + "?fecha=2026-11-29&servicio_id=corte&solo_disponibles=false")).GetProperty("disponibilidad_por_fecha")[0];

        Assert.Equal("domingo", sunday.GetProperty("dia_semana").GetString());
        Assert.All(sunday.GetProperty("profesionales").EnumerateArray(), p =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("horario_laboral").ValueKind);
            Assert.Equal(0, p.GetProperty("slots").GetArrayLength());
        });
        Assert.Equal(0, sunday.GetProperty("total_slots_disponibles_dia").GetInt32());
    }

    [Fact]
    public async Task IntervaloAndDuracion_ShapeTheGrid()
    {
        var owner = await ClientAsync(ApiRole.Owner);
        const string Carlos = Availability + "?fecha=2026-11-24&servicio_id=corte&profesional_id=carlos";

        var quarter = Professional((await DataAsync(owner, Carlos + "&intervalo_minutos=15")).GetProperty("disponibilidad_por_fecha")[0], "carlos");
        var hour = Professional((await DataAsync(owner, Carlos + "&duracion=60")).GetProperty("disponibilidad_por_fecha")[0], "carlos");
        var data = await DataAsync(owner, Carlos + "&duracion=60");

        Assert.Equal(39, quarter.GetProperty("slots").GetArrayLength()); // 09:00, 09:15 … 18:30
        Assert.Equal("09:15", Horas(quarter)[1]);
        Assert.Equal(19, hour.GetProperty("slots").GetArrayLength()); // … 18:00, the last that ends by 19:00
        Assert.Equal("18:00", Horas(hour)[^1]);
        Assert.Equal(30, data.GetProperty("servicio").GetProperty("duracion_minutos").GetInt32()); // the service's own
        Assert.Equal(1, data.GetProperty("metadata").GetProperty("total_profesionales").GetInt32());
    }
}
