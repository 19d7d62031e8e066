using System.Net;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Conversations;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using static Turnos.Functions.Tests.Admin.Api.AppointmentApiTests;

namespace Turnos.Functions.Tests.Admin.Api;

[Collection("Azurite")]
public sealed class RescheduleAndPeopleApiTests(AzuriteFixture azurite)
{
    private const string Business = "/api/admin/businesses/demo";

    [Fact]
    public async Task Reschedule_AnswersTheReplacement_AndTheOriginalIsRescheduled()
    {
        await using var app = new AdminApiApp(azurite);
        var original = await (await app.Platform.PostJsonAsync($"{Business}/appointments", NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        var id = original.Str("id");

        var moved = await (await app.Platform.PostJsonAsync($"{Business}/appointments/{id}/reschedule",
            new { start = "2026-11-25T15:00", professionalId = "lucia" })).JsonAsync(HttpStatusCode.OK);

        Assert.NotEqual(id, moved.Str("id"));
        Assert.Equal("booked", moved.Str("status"));
        Assert.Equal("2026-11-25T15:00", moved.Str("start"));
        Assert.Equal("lucia", moved.Str("professionalId"));
        Assert.Equal(id, moved.Str("rescheduledFromId"));
        var old = await (await app.Platform.GetAsync($"{Business}/appointments/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("rescheduled", old.Str("status"));
        Assert.Equal(moved.Str("id"), old.Str("rescheduledToId"));
        var again = await (await app.Platform.PostJsonAsync($"{Business}/appointments/{id}/reschedule", new { start = "2026-11-26T15:00" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("rescheduled", again.Str("appointmentStatus"));
        await (await app.Platform.PostAsync($"{Business}/appointments/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reschedule_IntoATakenOrClosedTime_KeepsTheOriginal()
    {
        await using var app = new AdminApiApp(azurite);
        var mine = await (await app.Platform.PostJsonAsync($"{Business}/appointments", NewBooking("2026-11-24T10:00"))).JsonAsync(HttpStatusCode.Created);
        await (await app.Platform.PostJsonAsync($"{Business}/appointments", NewBooking("2026-11-24T15:00", customer: 2))).JsonAsync(HttpStatusCode.Created);
        var url = $"{Business}/appointments/{mine.Str("id")}/reschedule";

        var taken = await (await app.Platform.PostJsonAsync(url, new { start = "2026-11-24T15:00" })).AssertProblemAsync(HttpStatusCode.Conflict);
        var closed = await (await app.Platform.PostJsonAsync(url, new { start = "2026-11-29T15:00" })).AssertInvalidAsync("start");
        var missing = await app.Platform.PostJsonAsync(url, new { professionalId = "lucia" });
        var notOffered = await app.Platform.PostJsonAsync(url, new { start = "2026-11-24T16:00", professionalId = "sofia" });

        Assert.Equal("booked", taken.Str("reason"));
        Assert.Equal(3, taken.GetProperty("alternatives").GetArrayLength());
        Assert.Equal("closedDay", closed.Str("reason"));
        await missing.AssertInvalidAsync("start");
        await notOffered.AssertInvalidAsync("professionalId");
        var still = await (await app.Platform.GetAsync($"{Business}/appointments/{mine.Str("id")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("booked", still.Str("status"));
        Assert.Equal("2026-11-24T10:00", still.Str("start"));
    }

    [Fact]
    public async Task Customer_ProfileWithHistory()
    {
        await using var app = new AdminApiApp(azurite);
        var first = await (await app.Platform.PostJsonAsync($"{Business}/appointments", NewBooking("2026-11-24T10:00", customer: 7))).JsonAsync(HttpStatusCode.Created);
        var second = await (await app.Platform.PostJsonAsync($"{Business}/appointments", NewBooking("2026-11-26T10:00", customer: 7))).JsonAsync(HttpStatusCode.Created);
        await app.Platform.PostAsync($"{Business}/appointments/{first.Str("id")}/cancel", null);

        var profile = await (await app.Platform.GetAsync($"{Business}/customers/%2B5491155500007")).JsonAsync(HttpStatusCode.OK);
        var withoutPlus = await app.Platform.GetAsync($"{Business}/customers/5491155500007");

        Assert.Equal("+5491155500007", profile.Str("phone"));
        Assert.Equal("Cliente 7", profile.Str("name"));
        Assert.Equal("cliente7@example.com", profile.Str("email"));
        var history = profile.GetProperty("appointments").EnumerateArray().ToList();
        Assert.Equal([second.Str("id"), first.Str("id")], history.Select(a => a.Str("id")));
        Assert.Equal(["booked", "cancelled"], history.Select(a => a.Str("status")));
        Assert.Equal(HttpStatusCode.OK, withoutPlus.StatusCode);
        await (await app.Platform.GetAsync($"{Business}/customers/+5491100000000")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await app.Platform.GetAsync($"{Business}/customers/hola")).AssertInvalidAsync("phone");
    }

    [Fact]
    public async Task Conversations_FlaggedForAPerson()
    {
        await using var app = new AdminApiApp(azurite);
        var store = app.App.Get<ConversationStore>();
        var waiting = ConversationState.New("demo", "+5491155511111") with
        {
            CustomerName = "Marta", HandoffRequested = true, LastActivityUtc = TurnosFactory.DefaultNow, Language = Language.En,
        };
        Assert.True(await store.TrySaveAsync(waiting, null, default));
        Assert.True(await store.TrySaveAsync(ConversationState.New("demo", "+5491155522222") with { LastActivityUtc = TurnosFactory.DefaultNow }, null, default));

        var list = await (await app.Platform.GetAsync($"{Business}/conversations?handoff=true")).JsonAsync(HttpStatusCode.OK);
        var byDefault = await (await app.Platform.GetAsync($"{Business}/conversations")).JsonAsync(HttpStatusCode.OK);

        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("+5491155511111", only.Str("phone"));
        Assert.Equal("Marta", only.Str("name"));
        Assert.Equal("en", only.Str("language")); // so whoever takes over answers in English
        Assert.Equal(TurnosFactory.DefaultNow, only.GetProperty("lastActivityAt").GetDateTimeOffset());
        Assert.Equal(1, byDefault.GetArrayLength());
        await (await app.Platform.GetAsync($"{Business}/conversations?handoff=false")).AssertInvalidAsync("handoff");
    }

    [Fact]
    public async Task Conversations_Attended_LeaveTheList_UntilTheCustomerAsksAgain()
    {
        await using var app = new AdminApiApp(azurite);
        var store = app.App.Get<ConversationStore>();
        var asked = TurnosFactory.DefaultNow.AddMinutes(-10);
        var waiting = ConversationState.New("demo", "+5491155533333") with
        {
            HandoffRequested = true, HandoffRequestedUtc = asked, PhotosForPerson = 1, LastActivityUtc = asked,
        };
        Assert.True(await store.TrySaveAsync(waiting, null, default));
        Assert.True(await store.TrySaveAsync(ConversationState.New("demo", "chat:77") with { HandoffRequested = true, LastActivityUtc = asked }, null, default));
        async Task<string[]> Waiting() =>
            [.. (await (await app.Platform.GetAsync($"{Business}/conversations?handoff=true")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(c => c.Str("phone"))];

        var attended = await app.Platform.DeleteAsync($"{Business}/conversations/{Uri.EscapeDataString("+5491155533333")}/handoff");
        var chat = await app.Platform.DeleteAsync($"{Business}/conversations/chat%3A77/handoff");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (attended.StatusCode, chat.StatusCode));
        Assert.Empty(await Waiting());
        var loaded = (await store.LoadAsync("demo", "+5491155533333", default)).State;
        Assert.Equal((false, 0), (loaded.HandoffRequested, loaded.PhotosForPerson));
        await store.SaveAsync(waiting, default); // a turn that read the conversation before it was attended saves it after
        Assert.Empty(await Waiting());
        await store.SaveAsync(waiting with { HandoffRequestedUtc = TurnosFactory.DefaultNow.AddMinutes(5) }, default); // asks again
        Assert.Equal(["+5491155533333"], await Waiting());
        await (await app.Platform.DeleteAsync($"{Business}/conversations/{Uri.EscapeDataString("+5491100000000")}/handoff"))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
