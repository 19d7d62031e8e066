using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Admin;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Availability.Api;

/// <summary>Which business a /api/v1 request is about: the key's own, or <c>negocio</c> for platform keys.</summary>
internal static class ApiBusiness
{
    public const string Parameter = "negocio";

    public static async Task<(BusinessSnapshot? Snapshot, ApiProblem? Problem)> ResolveAsync(
        CatalogStore catalog, ApiCaller caller, IQueryCollection query, CancellationToken ct)
    {
        var asked = Text(query, Parameter);
        var businessId = caller.BusinessId ?? asked;
        if (businessId is null) return (null, ApiProblem.Invalid(Parameter, "El negocio es requerido"));
        // Another business's id reads as one that does not exist, as everywhere in the API.
        if ((asked is not null && asked != businessId) || !caller.CanAccess(businessId)
            || !CatalogValidator.IdPattern().IsMatch(businessId)) return (null, UnknownBusiness);
        var snapshot = await catalog.GetSnapshotAsync(businessId, ct);
        return snapshot is null ? (null, UnknownBusiness) : (snapshot, null);
    }

    /// <summary>A parameter's trimmed value; null when absent or blank.</summary>
    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;

    private static ApiProblem UnknownBusiness => ApiProblem.NotFound(Parameter, "Negocio no encontrado");
}
