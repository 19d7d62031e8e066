using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>/api/admin/businesses/{businessId}/customers/{phone}</c> (a profile with its appointments) and
/// <c>…/conversations?handoff=true</c> (the conversations waiting for a person) and <c>DELETE …/conversations/{phone}/handoff</c>
/// (someone of the business attended one) and <c>GET …/conversations/{phone}/photos/{photoId}</c> (a photo it waits with).</summary>
public sealed class PeopleFunctions(CatalogStore catalog, CustomerStore customers, AppointmentStore appointments,
    ConversationStore conversations, ConversationPhotos photos, TwilioMedia media, TimeProvider time)
{
    [Function("GetCustomer")]
    public Task<IActionResult> GetCustomer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoutes.Business + "/customers/{phone}")] HttpRequest request,
        string businessId, string phone, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => PeopleHandlers.CustomerAsync(businessId, phone, catalog, customers, appointments, ct));

    [Function("ListConversations")]
    public Task<IActionResult> ListConversations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoutes.Business + "/conversations")] HttpRequest request,
        string businessId, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => PeopleHandlers.ConversationsAsync(businessId, request.Query["handoff"], catalog, conversations, ct));

    [Function("AttendConversation")]
    public Task<IActionResult> AttendConversation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = AdminRoutes.Business + "/conversations/{phone}/handoff")] HttpRequest request,
        string businessId, string phone, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => PeopleHandlers.AttendAsync(businessId, phone, catalog, conversations, time.GetUtcNow(), ct));

    [Function("GetConversationPhoto")]
    public Task<IActionResult> GetConversationPhoto(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = AdminRoutes.Business + "/conversations/{phone}/photos/{photoId}")] HttpRequest request,
        string businessId, string phone, string photoId, CancellationToken ct) =>
        request.RunAsync(businessId, ApiRoleSets.Staff,
            _ => PeopleHandlers.PhotoAsync(businessId, phone, photoId, catalog, photos, media, ct));
}
