using Microsoft.Extensions.Logging;
using Turnos.Functions.Observability;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.WhatsApp;

namespace Turnos.Functions.Tests.Observability;

/// <summary>Logs carry who a turn is about (business, conversation, message) and never the customer's phone,
/// email or words at Information or above.</summary>
[Collection("Azurite")]
public sealed class LogPrivacyTests(AzuriteFixture azurite)
{
    private const string Email = "juan.perez@example.com";
    private const string FirstMessage = "Hola! quiero un corte de pelo el martes a las 10, soy Juan Pérez, " + Email;

    [Fact]
    public async Task BookingDialogue_LogsNoPhoneEmailOrText()
    {
        await using var app = await ObservedApp.StartAsync(azurite);

        await app.SayAsync(FirstMessage);
        Assert.StartsWith("¡Listo!", await app.SayAsync("sí"));
        // Staff looking the customer up: the number is in the URL, so the request's own log scope holds it; with the
        // app's log levels nothing is written at Information or above inside such a request.
        await app.Keyed(Support.TurnosFactory.AdminKey).GetAsync($"/api/admin/businesses/demo/customers/{Uri.EscapeDataString(WhatsAppApp.Customer)}");

        var visible = app.Logs.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.Contains(visible, e => e.Category.EndsWith("ConversationActivities", StringComparison.Ordinal));
        Assert.Contains(visible, e => e.Category.EndsWith("BookingService", StringComparison.Ordinal));
        string[] personal = [WhatsAppApp.Customer, WhatsAppApp.Customer.TrimStart('+'), Email, "corte de pelo el martes", "Juan Pérez"];
        var leaks = visible.SelectMany(e => personal.Where(p => e.Everything.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"{p} in: {e.Everything}")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task TurnLogLines_CarryBusinessConversationAndMessage()
    {
        await using var app = await ObservedApp.StartAsync(azurite);
        var sid = WhatsAppApp.NewSid();

        await app.SayAsync(FirstMessage, sid: sid);
        await app.SayAsync("sí");

        var conversation = LogScopes.ConversationIdOf(WhatsAppApp.Customer);
        Assert.Equal(16, conversation.Length);
        var turn = app.Logs.Entries.Where(e => e.Message.StartsWith("Turn in", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, turn.Count);
        Assert.All(turn, e =>
        {
            Assert.Equal("demo", e.Scope[LogScopes.BusinessId]);
            Assert.Equal(conversation, e.Scope[LogScopes.ConversationId]);
        });
        Assert.Equal(sid, turn[0].Scope[LogScopes.MessageSid]);
        var booked = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("Booked appointment", StringComparison.Ordinal));
        Assert.Equal(conversation, booked.Scope[LogScopes.ConversationId]);
        var answered = app.Logs.Entries.Where(e => e.Message.Contains("answered with", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, answered.Count);
        Assert.All(answered, e => Assert.Equal(("demo", conversation), (e.Scope[LogScopes.BusinessId], e.Scope[LogScopes.ConversationId])));
        // The webhook's own line names the message and its conversation too.
        var handed = app.Logs.Entries.First(e => e.Message.Contains("handed to its conversation", StringComparison.Ordinal));
        Assert.Equal((sid, conversation), (handed.Scope[LogScopes.MessageSid], handed.Scope[LogScopes.ConversationId]));
    }

    [Fact]
    public async Task SharedNumber_NamesTheBusinessOnceChosen()
    {
        await using var app = await ObservedApp.StartAsync(azurite, new Dictionary<string, string?> { ["Twilio:SharedNumbers:0"] = WhatsAppApp.SharedNumber });

        await app.SayAsync("hola", to: WhatsAppApp.SharedNumber, businessId: null);
        await app.SayAsync("#demo quiero un turno", to: WhatsAppApp.SharedNumber);

        var handed = Assert.Single(app.Logs.Entries, e => e.Message.Contains("handed to its conversation", StringComparison.Ordinal));
        Assert.Equal("demo", handed.Scope[LogScopes.BusinessId]);
        var turn = Assert.Single(app.Logs.Entries, e => e.Message.StartsWith("Turn in", StringComparison.Ordinal));
        Assert.Equal("demo", turn.Scope[LogScopes.BusinessId]);
        Assert.Equal(1, app.Metrics.Sum("turnos.whatsapp.turns", "outcome=asked_business"));
        Assert.Equal(2, app.Metrics.Sum("turnos.whatsapp.messages.received", "business=_shared"));
    }
}
