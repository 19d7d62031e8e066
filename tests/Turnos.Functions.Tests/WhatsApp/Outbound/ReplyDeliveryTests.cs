using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp;
using Turnos.Functions.WhatsApp.Outbound;
using Twilio.Exceptions;

namespace Turnos.Functions.Tests.WhatsApp.Outbound;

/// <summary>Replies through the Twilio SDK to a server that speaks the Messages API, each part sent at most once.</summary>
[Collection("Azurite")]
public sealed class ReplyDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Business = "+14155238886";
    private const string Customer = "+5491155550001";
    private FakeTwilioMessages _twilio = null!;
    private WhatsAppApp _app = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioMessages.StartAsync();
        _app = await WhatsAppApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = FakeTwilioMessages.AccountSid,
            ["Twilio:AuthToken"] = FakeTwilioMessages.AuthToken,
            ["Twilio:ApiBaseUrl"] = _twilio.BaseUrl.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    private ReplyDelivery Delivery => _app.Services.GetRequiredService<ReplyDelivery>();

    [Fact]
    public async Task Deliver_Replies_SendsEachPartInOrderThroughTheMessagesApi()
    {
        var longReply = string.Join("\n\n", Enumerable.Repeat(new string('a', 900), 2));

        var sent = await Delivery.DeliverAsync("SM1", Business, Customer, ["¡Hola! 👋", longReply], default);

        Assert.Equal(3, sent);
        Assert.Equal(["¡Hola! 👋", new string('a', 900), new string('a', 900)], _twilio.Delivered.Select(d => d.Body));
        Assert.All(_twilio.Delivered, d => Assert.Equal(("whatsapp:" + Customer, "whatsapp:" + Business), (d.To, d.From)));
        Assert.IsType<TwilioMessagesSender>(_app.Services.GetRequiredService<IReplySender>());
    }

    [Fact]
    public async Task Deliver_SameMessageTwice_SendsNothingTheSecondTime()
    {
        await Delivery.DeliverAsync("SM2", Business, Customer, ["uno", "dos"], default);

        var again = await Delivery.DeliverAsync("SM2", Business, Customer, ["uno", "dos"], default);

        Assert.Equal(0, again);
        Assert.Equal(["uno", "dos"], _twilio.Delivered.Select(d => d.Body));
    }

    [Fact]
    public async Task Deliver_TwilioAnswers500ThenRetried_DeliversEachPartExactlyOnce()
    {
        _twilio.Respond = attempt => attempt == 2 ? 500 : 201;

        var error = await Assert.ThrowsAsync<ApiException>(() => Delivery.DeliverAsync("SM3", Business, Customer, ["uno", "dos"], default));
        var retried = await Delivery.DeliverAsync("SM3", Business, Customer, ["uno", "dos"], default);

        Assert.Equal(500, error.Status);
        Assert.Equal(1, retried);
        Assert.Equal(["uno", "dos"], _twilio.Delivered.Select(d => d.Body));
    }

    [Fact]
    public async Task Deliver_Refused63016_NotRetried_AndTheRestNotTried()
    {
        (_twilio.Respond, _twilio.ErrorCode) = (_ => 400, MessageRefusedException.OutsideWindow);

        var sent = await Delivery.DeliverAsync("SM6", Business, Customer, ["uno", "dos"], default);
        var again = await Delivery.DeliverAsync("SM6", Business, Customer, ["uno", "dos"], default);
        var row = await _app.Services.GetRequiredService<WhatsAppTables>().Messages.FindAsync(WhatsAppTables.MessagePartition("SM6"), "SM6|out|000");

        Assert.Equal((0, 0), (sent, again));
        Assert.Equal(2, _twilio.Attempts); // "uno" once per call: the second call met the first's refusal and stopped there
        Assert.Equal(("refused", 63016), (row!.GetString("State"), row.GetInt32("Code")));
    }

    [Fact]
    public async Task SendOnce_Template_GoesAsContentSidAndVariables_WithoutBody()
    {
        const string sid = "HX0123456789abcdef0123456789abcdef";
        var outcome = await Delivery.SendOnceAsync(new OutboundReply("reminder-x", 0, Business, Customer, "texto de la simulación", sid,
            """{"1":"Juan"}"""), default);

        Assert.Equal(DeliveryState.Sent, outcome.State);
        Assert.Equal((Customer, sid, """{"1":"Juan"}"""), Assert.Single(_twilio.Templates) is var t ? (t.To.Replace("whatsapp:", ""), t.ContentSid, t.ContentVariables) : default);
        Assert.Empty(_twilio.Delivered);
    }

    [Fact]
    public async Task Deliver_TwoDeliveriesAtOnce_SendEachPartOnce()
    {
        string[] replies = ["uno", "dos", "tres"];

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Delivery.DeliverAsync("SM4", Business, Customer, replies, default)));

        Assert.Equal(3, counts.Sum());
        Assert.Equal(replies.Order(), _twilio.Delivered.Select(d => d.Body).Order());
    }

    [Fact]
    public async Task Deliver_ClaimRows_HoldNoPhoneNumberOrText()
    {
        await Delivery.DeliverAsync("SM5", Business, Customer, ["texto privado"], default);

        var row = await _app.Services.GetRequiredService<WhatsAppTables>().Messages.FindAsync(WhatsAppTables.MessagePartition("SM5"), "SM5|out|000");

        Assert.NotNull(row);
        Assert.Equal("sent", row.GetString("State"));
        Assert.StartsWith("SM", row.GetString("ProviderSid"));
        var values = ((IDictionary<string, object>)row).Values.Select(v => v?.ToString() ?? "");
        Assert.DoesNotContain(values, v => v.Contains(Customer[1..], StringComparison.Ordinal) || v.Contains("privado", StringComparison.Ordinal));
    }
}
