using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>The chat's alternatives for a visit of several services, for callers outside the chat (the admin API's
/// refusals), so both offer the same whole-visit starts.</summary>
public static class VisitOffers
{
    /// <summary>Up to three free starts for the whole visit near <paramref name="startUtc"/> (same day first, then the
    /// following days within the facts' loaded dates), never that start itself.</summary>
    public static IReadOnlyList<OfferedSlot> Alternatives(TurnFacts facts, IReadOnlyList<string> serviceIds, string? professionalId, DateTimeOffset startUtc)
    {
        var services = serviceIds.Select(facts.Business.FindService).ToList();
        if (services.Count == 0 || services.Contains(null)) return [];
        var (date, time) = ConversationEngine.Local(startUtc, facts.Zone);
        var draft = new BookingDraft(ProfessionalId: professionalId).WithServices(serviceIds);
        return SlotFinder.Alternatives(facts, [.. services.OfType<Service>()], draft, date, time, exclude: startUtc);
    }
}
