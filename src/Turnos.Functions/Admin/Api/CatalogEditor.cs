using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Businesses;

namespace Turnos.Functions.Admin.Api;

/// <summary>
/// Every catalog change is made to the whole business document and validated by <see cref="CatalogValidator"/>
/// before it is saved, so the API accepts exactly what a seed file may hold and names fields the same way.
/// </summary>
/// <remarks>Changes to one business are serialised within this instance. The catalog table has no version
/// to check, so two instances editing the same business at the same moment: the last save wins.</remarks>
public sealed partial class CatalogEditor(CatalogStore catalog, ILogger<CatalogEditor> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    /// <summary>A change to the document; returns a problem (404, 409…) to abandon it.</summary>
    public delegate IResult? Change(BusinessDocument document);

    public sealed record Outcome(BusinessSnapshot? Saved, IResult? Problem);

    /// <summary>Read from the table, not the short cache: an admin sees their change on every instance at once.</summary>
    public async Task<BusinessSnapshot?> ReadAsync(string businessId, CancellationToken ct)
    {
        var doc = await catalog.GetDocumentAsync(businessId, ct);
        if (doc is null) return null;
        var validation = CatalogValidator.Validate(doc, "$");
        return validation.Snapshot ?? throw new InvalidOperationException(
            $"The stored catalog of business '{businessId}' is invalid: {string.Join("; ", validation.Errors)}");
    }

    public async Task<Outcome> CreateAsync(BusinessDocument doc, CancellationToken ct)
    {
        var validation = CatalogValidator.Validate(doc, "$");
        if (validation.Snapshot is not { } snapshot) return Invalid(validation.Errors, relativeTo: null);
        var id = snapshot.Business.Id;
        using var held = await LockAsync(id, ct);
        if (await catalog.GetDocumentAsync(id, ct) is not null)
            return new(null, ApiProblems.Conflict("Business exists", $"There is already a business '{id}'.", new Dictionary<string, object?> { ["field"] = "id" }));
        if ((await NumberTakenAsync(snapshot, previous: [], ct) ?? await ExternalIdTakenAsync(snapshot, ct)) is { } taken) return new(null, taken);
        await catalog.SaveAsync(snapshot, seedHash: null, ct);
        LogChanged(id, "created");
        return new(snapshot, null);
    }

    /// <param name="relativeTo">The item the request is about, e.g. <c>services[2]</c>: its fields are named
    /// relative to it (<c>durationMinutes</c>), as the request body spells them.</param>
    public async Task<Outcome> EditAsync(string businessId, Change change, string what, Func<BusinessDocument, string?>? relativeTo, CancellationToken ct)
    {
        using var held = await LockAsync(businessId, ct);
        var doc = await catalog.GetDocumentAsync(businessId, ct);
        if (doc is null) return new(null, ApiProblems.BusinessNotFound(businessId));
        var previousNumbers = doc.WhatsAppNumbers?.ToList() ?? [];
        if (change(doc) is { } problem) return new(null, problem);
        var validation = CatalogValidator.Validate(doc, "$");
        if (validation.Snapshot is not { } snapshot) return Invalid(validation.Errors, relativeTo?.Invoke(doc));
        if ((await NumberTakenAsync(snapshot, previousNumbers, ct) ?? await ExternalIdTakenAsync(snapshot, ct)) is { } taken) return new(null, taken);
        // Keep the seed's hash: an unchanged seed file must not overwrite this change at the next start.
        await catalog.SaveAsync(snapshot, await catalog.GetSeedHashAsync(businessId, ct), ct);
        LogChanged(businessId, what);
        return new(snapshot, null);
    }

    private async Task<IResult?> NumberTakenAsync(BusinessSnapshot snapshot, List<string?> previous, CancellationToken ct)
    {
        var numbers = snapshot.Business.WhatsAppNumbers;
        for (var i = 0; i < numbers.Count; i++)
        {
            if (previous.Contains(numbers[i])) continue;
            if (await catalog.FindBusinessByWhatsAppAsync(numbers[i], ct) is { } owner && owner != snapshot.Business.Id)
                return ApiProblems.Conflict("WhatsApp number in use", $"{numbers[i]} already belongs to business '{owner}'.",
                    new Dictionary<string, object?> { ["field"] = $"whatsAppNumbers[{i}]", ["businessId"] = owner });
        }
        return null;
    }

    private async Task<IResult?> ExternalIdTakenAsync(BusinessSnapshot snapshot, CancellationToken ct) =>
        snapshot.Business.ExternalId is { } external && await catalog.FindBusinessByExternalIdAsync(external, ct) is { } owner && owner != snapshot.Business.Id
            ? ApiProblems.Conflict("External id in use", $"externalId {external} already belongs to business '{owner}'.",
                new Dictionary<string, object?> { ["field"] = "externalId", ["businessId"] = owner })
            : null;

    private static Outcome Invalid(IReadOnlyList<CatalogError> errors, string? relativeTo)
    {
        var fields = errors.Select(e =>
        {
            var field = FieldOf(e.Path);
            if (relativeTo is null) return new FieldError(field, e.Message);
            if (field == relativeTo) field = "body";
            else if (field.StartsWith(relativeTo + ".", StringComparison.Ordinal)) field = field[(relativeTo.Length + 1)..];
            return new FieldError(field, e.Message);
        }).ToList();
        return new(null, ApiProblems.Validation(fields));
    }

    /// <summary><c>$.professionals[0] (ana).hours.monday[0]</c> → <c>professionals[0].hours.monday[0]</c>.</summary>
    internal static string FieldOf(string path) =>
        ItemLabel().Replace(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$'), "");

    [GeneratedRegex(@"(?<=\]) \([^()]*\)(?=\.|$)")]
    private static partial Regex ItemLabel();

    private async Task<IDisposable> LockAsync(string businessId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(businessId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog of {BusinessId}: {Change}")]
    private partial void LogChanged(string businessId, string change);
}
