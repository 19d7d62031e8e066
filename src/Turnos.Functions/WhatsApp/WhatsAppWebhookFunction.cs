using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// <c>POST /api/whatsapp</c>: Twilio's messaging webhook, answered with TwiML (see <see cref="WhatsAppWebhook"/>). No
/// key: the <c>X-Twilio-Signature</c> over the public URL is the credential, checked before anything else.
/// </summary>
public sealed class WhatsAppWebhookFunction(WhatsAppWebhook webhook)
{
    [Function("WhatsAppWebhook")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WhatsAppWebhook.Route)] HttpRequest request) =>
        (await webhook.HandleAsync(request.HttpContext)).ToActionResult();
}
