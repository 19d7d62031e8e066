using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.WhatsApp.Outbound;

/// <summary>Development without a Twilio account: replies stay in memory, per customer.</summary>
[Collection("Azurite")]
public sealed class LocalReplySinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Deliver_NoAccountSidInDevelopment_KeepsRepliesInTheSinkPerCustomer()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, new Dictionary<string, string?> { ["Twilio:AccountSid"] = null });
        var delivery = app.Services.GetRequiredService<ReplyDelivery>();
        var sink = Assert.IsType<LocalReplySink>(app.Services.GetRequiredService<IReplySender>());

        await delivery.DeliverAsync("SM1", "+14155238886", "+5491155550001", ["hola", "¿a qué hora?"], default);
        await delivery.DeliverAsync("SM2", "+14155238886", "+5491155550002", ["otro cliente"], default);
        var first = sink.Since("+5491155550001", 0);
        var later = sink.Since("+5491155550001", first[0].Sequence);

        Assert.Equal(["hola", "¿a qué hora?"], first.Select(r => r.Reply.Body));
        Assert.Equal(["¿a qué hora?"], later.Select(r => r.Reply.Body));
        Assert.Equal(["otro cliente"], sink.Since("+5491155550002", 0).Select(r => r.Reply.Body));
    }
}
