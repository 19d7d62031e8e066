using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Turnos.Functions.Hosting;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// <c>POST /api/whatsapp</c>: Twilio's messaging webhook, answered at once with empty TwiML while the conversation's
/// orchestration answers (see <see cref="WhatsAppWebhook"/>). No key: the <c>X-Twilio-Signature</c> over the public URL
/// is the credential, checked before anything else.
/// </summary>
public sealed class WhatsAppWebhookFunction(WhatsAppWebhook webhook)
{
    [Function("WhatsAppWebhook")]
    public async Task<IActionResult> Receive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WhatsAppWebhook.Route)] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        (await webhook.HandleAsync(request.HttpContext, client)).ToActionResult();
}
