using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Turnos.Functions.WhatsApp.Outbound;

/// <summary>Sends through Twilio's Messages resource with the Twilio SDK, on an <see cref="System.Net.Http.HttpClient"/>
/// from the factory (so its handler can point it at <c>Twilio:ApiBaseUrl</c>).</summary>
public sealed class TwilioMessagesSender(IHttpClientFactory http, IOptions<TwilioOptions> options) : IReplySender
{
    public const string ClientName = "twilio";

    /// <summary>Where Twilio reports the delivery of a tracked message, below the host's <c>api</c> prefix.</summary>
    public const string StatusRoute = "whatsapp/status";

    public async Task<string> SendAsync(OutboundReply reply, CancellationToken ct)
    {
        var o = options.Value;
        var client = new TwilioRestClient(o.AccountSid, o.AuthToken, o.AccountSid, httpClient: new SystemNetHttpClient(http.CreateClient(ClientName)));
        var message = new CreateMessageOptions(new PhoneNumber("whatsapp:" + reply.To)) { From = new PhoneNumber("whatsapp:" + reply.From) };
        // A template goes without Body: Twilio fills the approved text in.
        if (reply.ContentSid is { } template) (message.ContentSid, message.ContentVariables) = (template, reply.ContentVariables);
        else message.Body = reply.Body;
        if (reply.TrackStatus && o.PublicBaseUrl is { } origin) message.StatusCallback = new Uri(origin.OriginalString.TrimEnd('/') + "/api/" + StatusRoute);
        try
        {
            // The SDK's own methods take no CancellationToken; the HttpClient's timeout bounds the call.
            var sent = await MessageResource.CreateAsync(message, client).WaitAsync(ct);
            return sent.Sid;
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500 and not 429 and not 408)
        {
            throw new MessageRefusedException(e.Code, e);
        }
    }
}
