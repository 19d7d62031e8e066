using System.Text.Json;
using Turnos.Functions.Admin;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.Availability.Api;

/// <summary>A customer at the door: free now (no minimum notice, from the next 5-minute mark), with whom, else when.</summary>
[Collection("Azurite")]
public sealed class WalkInTests(AzuriteFixture azurite) : AvailabilityApiTests(azurite)
{
    [Fact]
    public async Task FreeNow_IgnoresTheMinimumNotice_AndNamesWho()
    {
        var bot = await ClientAsync(ApiRole.Bot);

        var data = await DataAsync(bot, WalkIn + "?servicio_id=corte"); // 12:00, though the chat needs an hour's notice

        Assert.Equal(["disponible_ahora", "profesional", "proxima_disponibilidad"], Names(data));
        Assert.True(data.GetProperty("disponible_ahora").GetBoolean());
        Assert.Equal(["id", "nombre"], Names(data.GetProperty("profesional")));
        Assert.Equal(("carlos", "Carlos Ramírez"), (data.GetProperty("profesional").GetProperty("id").GetString(),
            data.GetProperty("profesional").GetProperty("nombre").GetString()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("proxima_disponibilidad").ValueKind);
    }

    [Fact]
    public async Task FreeNow_PrefersWhoeverHasFewerBookingsThatDay()
    {
        await BookAsync("corte", "carlos", Demo.At(2026, 11, 23, 16));
        var customer = await ClientAsync(ApiRole.Customer);

        var data = await DataAsync(customer, WalkIn + "?servicio_id=corte");

        Assert.Equal("lucia", data.GetProperty("profesional").GetProperty("id").GetString());
    }

    [Fact]
    public async Task BusyNow_GivesTheNextFreeTime_FromTheNextFiveMinuteMark()
    {
        App.Clock.Set(Demo.At(2026, 11, 23, 9));
        await BookAsync("corte", "carlos", Demo.At(2026, 11, 23, 12));
        await BookAsync("corte", "carlos", Demo.At(2026, 11, 23, 12, 30), customer: 2);
        App.Clock.Set(Demo.At(2026, 11, 23, 12, 2));
        var employee = await ClientAsync(ApiRole.Employee);

        var carlos = await DataAsync(employee, WalkIn + "?servicio_id=corte&profesional_id=carlos");
        var anyone = await DataAsync(employee, WalkIn + "?servicio_id=corte");

        Assert.False(carlos.GetProperty("disponible_ahora").GetBoolean());
        Assert.Equal(JsonValueKind.Null, carlos.GetProperty("profesional").ValueKind);
        var next = carlos.GetProperty("proxima_disponibilidad");
        Assert.Equal(["fecha", "hora", "profesional_id", "nombre"], Names(next));
        Assert.Equal(("2026-11-23", "13:00", "carlos", "Carlos Ramírez"), (next.GetProperty("fecha").GetString(),
            next.GetProperty("hora").GetString(), next.GetProperty("profesional_id").GetString(), next.GetProperty("nombre").GetString()));
        Assert.Equal("lucia", anyone.GetProperty("profesional").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Closed_GivesTheFirstTimeOfTheNextWorkingDay()
    {
        App.Clock.Set(Demo.At(2026, 11, 28, 14)); // Saturday, after closing; Sunday closed
        var owner = await ClientAsync(ApiRole.Owner);

        var data = await DataAsync(owner, WalkIn + "?servicio_id=manicura");

        Assert.False(data.GetProperty("disponible_ahora").GetBoolean());
        var next = data.GetProperty("proxima_disponibilidad");
        Assert.Equal(("2026-11-30", "09:00", "lucia"), (next.GetProperty("fecha").GetString(), next.GetProperty("hora").GetString(),
            next.GetProperty("profesional_id").GetString()));
    }

    [Fact]
    public async Task NothingWithinSevenDays_HasNoNextTime()
    {
        await AddBlockAsync(new("vacaciones", "sofia", Demo.At(2026, 11, 23, 0), Demo.At(2026, 12, 1, 0), "Vacaciones"));
        var platform = await ClientAsync(ApiRole.Platform);

        var data = await DataAsync(platform, WalkIn + "?negocio=demo&servicio_id=manicura&profesional_id=sofia");

        Assert.False(data.GetProperty("disponible_ahora").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("proxima_disponibilidad").ValueKind);
    }
}
