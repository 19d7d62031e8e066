using System.Net;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Availability.Api;

[Collection("Azurite")]
public sealed class AvailabilityContractTests(AzuriteFixture azurite) : AvailabilityApiTests(azurite)
{
    private const string Tuesday = Availability + "?fecha=2026-11-24&servicio_id=corte";

    [Fact]
    public async Task Staff_GetsTheSourceShapeWithFullDetail()
    {
        var booked = await BookAsync("corte", "carlos", Demo.Tuesday10);
        var owner = await ClientAsync(ApiRole.Owner);

        var data = await DataAsync(owner, Tuesday + "&solo_disponibles=false");

        Assert.Equal(["servicio", "disponibilidad_por_fecha", "metadata"], Names(data));
        var servicio = data.GetProperty("servicio");
        Assert.Equal(["id", "nombre", "duracion_minutos", "precio"], Names(servicio));
        Assert.Equal(("corte", "Corte de cabello", 30, 5000m), (servicio.GetProperty("id").GetString(), servicio.GetProperty("nombre").GetString(),
            servicio.GetProperty("duracion_minutos").GetInt32(), servicio.GetProperty("precio").GetDecimal()));

        var day = Assert.Single(data.GetProperty("disponibilidad_por_fecha").EnumerateArray());
        Assert.Equal(["fecha", "dia_semana", "profesionales", "total_slots_disponibles_dia"], Names(day));
        Assert.Equal(("2026-11-24", "martes"), (day.GetProperty("fecha").GetString(), day.GetProperty("dia_semana").GetString()));
        Assert.Equal(["carlos", "lucia"], day.GetProperty("profesionales").EnumerateArray().Select(p => p.GetProperty("profesional_id").GetString()));

        var carlos = Professional(day, "carlos");
        Assert.Equal(["profesional_id", "nombre", "slots", "total_slots_disponibles", "horario_laboral"], Names(carlos));
        Assert.Equal("Carlos Ramírez", carlos.GetProperty("nombre").GetString());
        Assert.Equal(("09:00", "19:00"), (carlos.GetProperty("horario_laboral").GetProperty("inicio").GetString(),
            carlos.GetProperty("horario_laboral").GetProperty("fin").GetString()));
        Assert.Equal(20, carlos.GetProperty("slots").GetArrayLength()); // 09:00 … 18:30
        Assert.Equal(19, carlos.GetProperty("total_slots_disponibles").GetInt32());
        Assert.Equal(39, day.GetProperty("total_slots_disponibles_dia").GetInt32());

        var free = Slot(carlos, "09:00");
        Assert.Equal(["hora", "disponible", "duracion_disponible", "razon_no_disponible"], Names(free));
        Assert.True(free.GetProperty("disponible").GetBoolean());
        Assert.Equal(60, free.GetProperty("duracion_disponible").GetInt32()); // until the 10:00 appointment
        Assert.Equal(System.Text.Json.JsonValueKind.Null, free.GetProperty("razon_no_disponible").ValueKind);

        var taken = Slot(carlos, "10:00");
        Assert.Equal(["hora", "disponible", "duracion_disponible", "razon_no_disponible", "cita_id", "cliente_nombre"], Names(taken));
        Assert.Equal((false, 0, "reservado", booked.Id, "Cliente 1"), (taken.GetProperty("disponible").GetBoolean(),
            taken.GetProperty("duracion_disponible").GetInt32(), taken.GetProperty("razon_no_disponible").GetString(),
            taken.GetProperty("cita_id").GetString(), taken.GetProperty("cliente_nombre").GetString()));

        var metadata = data.GetProperty("metadata");
        Assert.Equal(["total_profesionales", "rango_fechas", "generado_en"], Names(metadata));
        Assert.Equal(2, metadata.GetProperty("total_profesionales").GetInt32());
        Assert.Equal(("2026-11-24", "2026-11-24"), (metadata.GetProperty("rango_fechas").GetProperty("desde").GetString(),
            metadata.GetProperty("rango_fechas").GetProperty("hasta").GetString()));
        Assert.Equal("2026-11-23T12:00:00-03:00", metadata.GetProperty("generado_en").GetString());
    }

    [Fact]
    public async Task Employee_SeesTheBlocksInternalNote()
    {
        await AddBlockAsync(new("medico", "lucia", Demo.At(2026, 11, 24, 15), Demo.At(2026, 11, 24, 17), "Turno médico"));
        var employee = await ClientAsync(ApiRole.Employee);

        var lucia = Professional((await DataAsync(employee, Tuesday + "&solo_disponibles=false")).GetProperty("disponibilidad_por_fecha")[0], "lucia");

        var blocked = Slot(lucia, "15:30");
        Assert.Equal(("bloqueado", "Turno médico"), (blocked.GetProperty("razon_no_disponible").GetString(), blocked.GetProperty("nota_interna").GetString()));
        Assert.False(blocked.TryGetProperty("cita_id", out _));
        Assert.Equal(30, Slot(lucia, "14:30").GetProperty("duracion_disponible").GetInt32()); // until the block
    }

    [Fact]
    public async Task Customer_SeesOnlyHoraAndDisponible()
    {
        await BookAsync("corte", "carlos", Demo.Tuesday10);
        var customer = await ClientAsync(ApiRole.Customer);

        var day = (await DataAsync(customer, Tuesday + "&solo_disponibles=false")).GetProperty("disponibilidad_por_fecha")[0];

        var slots = day.GetProperty("profesionales").EnumerateArray().SelectMany(p => p.GetProperty("slots").EnumerateArray()).ToList();
        Assert.Equal(40, slots.Count);
        Assert.All(slots, s => Assert.Equal(["hora", "disponible"], Names(s)));
        Assert.False(Slot(Professional(day, "carlos"), "10:00").GetProperty("disponible").GetBoolean());
    }

    [Fact]
    public async Task Bot_SeesAGenericReasonOnly()
    {
        await BookAsync("corte", "carlos", Demo.Tuesday10);
        await AddBlockAsync(new("medico", "lucia", Demo.At(2026, 11, 24, 15), Demo.At(2026, 11, 24, 17), "Turno médico"));
        var bot = await ClientAsync(ApiRole.Bot);

        var day = (await DataAsync(bot, Tuesday + "&solo_disponibles=false")).GetProperty("disponibilidad_por_fecha")[0];
        var today = (await DataAsync(bot, Availability + "?fecha=hoy&servicio_id=corte&solo_disponibles=false")).GetProperty("disponibilidad_por_fecha")[0];

        var booked = Slot(Professional(day, "carlos"), "10:00");
        Assert.Equal(["hora", "disponible", "razon_no_disponible"], Names(booked));
        Assert.Equal("no_disponible", booked.GetProperty("razon_no_disponible").GetString());
        Assert.Equal("no_disponible", Slot(Professional(day, "lucia"), "15:00").GetProperty("razon_no_disponible").GetString());
        Assert.Equal("fuera_de_plazo", Slot(Professional(today, "carlos"), "09:00").GetProperty("razon_no_disponible").GetString());
        Assert.Equal("fuera_de_plazo", Slot(Professional(today, "carlos"), "12:30").GetProperty("razon_no_disponible").GetString());
        Assert.Null(Slot(Professional(today, "carlos"), "13:00").GetProperty("razon_no_disponible").GetString());
    }

    [Theory]
    [InlineData(ApiRole.Customer, 7)]
    [InlineData(ApiRole.Bot, 7)]
    [InlineData(ApiRole.Employee, 14)]
    [InlineData(ApiRole.Owner, 30)]
    [InlineData(ApiRole.Platform, 90)]
    public async Task RangoDias_IsClampedToTheRolesMaximum(ApiRole role, int max)
    {
        var client = await ClientAsync(role);

        var data = await DataAsync(client, Tuesday + "&rango_dias=365&negocio=demo");
        var asked = await DataAsync(client, Tuesday + "&rango_dias=3&negocio=demo");

        var dates = data.GetProperty("disponibilidad_por_fecha");
        Assert.Equal(max, dates.GetArrayLength());
        Assert.Equal(new DateOnly(2026, 11, 24).AddDays(max - 1).ToString("yyyy-MM-dd"), data.GetProperty("metadata").GetProperty("rango_fechas").GetProperty("hasta").GetString());
        Assert.Equal(["2026-11-24", "2026-11-25", "2026-11-26"], asked.GetProperty("disponibilidad_por_fecha").EnumerateArray().Select(d => d.GetProperty("fecha").GetString()));
    }

    [Fact]
    public async Task NoKey_Is401()
    {
        var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Tuesday)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(WalkIn + "?servicio_id=corte")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Tuesday)).StatusCode);
    }

    [Fact]
    public async Task PlatformKey_NamesTheBusinessWithNegocio_ScopedKeysMayRepeatTheirOwn()
    {
        var platform = await ClientAsync(ApiRole.Platform);
        var owner = await ClientAsync(ApiRole.Owner);

        var forPlatform = await DataAsync(platform, Tuesday + "&negocio=demo");
        var forOwner = await DataAsync(owner, Tuesday + "&negocio=demo");

        Assert.Equal(2, forPlatform.GetProperty("metadata").GetProperty("total_profesionales").GetInt32());
        Assert.Equal(2, forOwner.GetProperty("metadata").GetProperty("total_profesionales").GetInt32());
    }
}
