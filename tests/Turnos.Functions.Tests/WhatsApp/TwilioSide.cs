using System.Net;
using System.Xml.Linq;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Tests.WhatsApp.Outbound;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>
/// What Twilio sees of a running app: it posts signed webhooks, gets an empty TwiML answer, and later receives the
/// replies at its Messages API (the fake). A message handed to a conversation is answered when the conversation's
/// orchestration reports its MessageSid as the last one it answered; the webhook's own answers (which business,
/// text only) are sent before it responds.
/// </summary>
internal sealed class TwilioSide(FakeTwilioMessages twilio, HttpClient client, IServiceProvider services)
{
    /// <summary>Settings that point the app's Twilio at the fake and sign webhooks with the test token.</summary>
    public static Dictionary<string, string?> Settings(FakeTwilioMessages twilio) => new()
    {
        ["Twilio:AccountSid"] = FakeTwilioMessages.AccountSid,
        ["Twilio:AuthToken"] = WhatsAppApp.Token,
        ["Twilio:PublicBaseUrl"] = WhatsAppApp.PublicBase,
        ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
    };

    /// <summary>Posts the form as Twilio would, signed for the public URL unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, IReadOnlyDictionary<string, string> form,
        string? signature = null, bool sign = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/whatsapp") { Content = new FormUrlEncodedContent(form) };
        if (sign) request.Headers.Add(TwilioSignature.Header, signature ?? TwilioSignature.Compute(WhatsAppApp.Token, WhatsAppApp.PublicBase + "/api/whatsapp", form));
        return await client.SendAsync(request);
    }

    /// <summary>Checks the webhook's answer: 200 and an empty TwiML response (replies never ride on it).</summary>
    public static async Task AssertEmptyTwiMLAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", xml.Root!.Name.LocalName);
        Assert.Empty(xml.Root.Elements());
    }

    /// <summary>Everything delivered to <paramref name="customer"/> so far, in order.</summary>
    public IReadOnlyList<string> DeliveredTo(string customer) =>
        [.. twilio.Delivered.Where(d => d.To == "whatsapp:" + customer).Select(d => d.Body)];

    /// <summary>
    /// Posts the message and returns what its sender got back for it. With <paramref name="businessId"/> (the business
    /// the message is meant to reach) it waits until that conversation has answered it; without, it reads what the
    /// webhook itself sent.
    /// </summary>
    public async Task<IReadOnlyList<string>> ExchangeAsync(IReadOnlyDictionary<string, string> form, string? businessId)
    {
        var customer = form["From"]["whatsapp:".Length..];
        var before = DeliveredTo(customer).Count;
        await AssertEmptyTwiMLAsync(await PostAsync(client, form));
        if (businessId is not null) await AnsweredAsync(businessId, customer, form["MessageSid"]);
        return [.. DeliveredTo(customer).Skip(before)];
    }

    /// <summary>Waits until the conversation of (<paramref name="businessId"/>, <paramref name="customer"/>) reports
    /// <paramref name="sid"/> as the last message it answered.</summary>
    public Task AnsweredAsync(string businessId, string customer, string sid) =>
        AnsweredAsync(services.GetRequiredService<DurableTaskClient>(),
            new ConversationRef(businessId, ConversationStore.CustomerKey(customer)).InstanceId, sid, TimeSpan.FromSeconds(15));

    /// <summary>Waits until instance <paramref name="instanceId"/> reports <paramref name="sid"/> as the last message it
    /// answered, failing at once if the instance failed (the next hand-over would hide it by starting it again).</summary>
    public static async Task AnsweredAsync(DurableTaskClient client, string instanceId, string sid, TimeSpan within)
    {
        OrchestrationMetadata? instance = null;
        for (var waited = TimeSpan.Zero; waited < within; waited += TimeSpan.FromMilliseconds(50))
        {
            instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
                throw new InvalidOperationException($"The conversation failed: {instance.FailureDetails?.ErrorMessage}");
            if (instance?.SerializedCustomStatus?.Contains(sid, StringComparison.Ordinal) == true) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Message {sid} was not answered within {within.TotalSeconds:F0} s: the instance is " +
            $"{instance?.RuntimeStatus} ({instance?.FailureDetails?.ErrorMessage}), last answered {instance?.SerializedCustomStatus}.");
    }
}
