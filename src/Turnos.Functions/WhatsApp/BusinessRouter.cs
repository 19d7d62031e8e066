using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Businesses;
using Turnos.Functions.Storage;

namespace Turnos.Functions.WhatsApp;

/// <summary>Where a message sent to a number goes.</summary>
public abstract record Destination
{
    private Destination() { }

    public sealed record Business(string Id) : Destination;

    public sealed record Shared(string Number) : Destination;

    public sealed record Unknown : Destination;
}

/// <summary>What a message to a shared number leads to: a business and the text its turn gets, or a question.</summary>
public sealed record SharedChoice(string? BusinessId, string Text, string? Question);

/// <summary>
/// Finds the business a message is for: by the number it was sent to, or, on a shared number, by the code
/// the customer sent (remembered per customer, so later messages route directly until another code).
/// </summary>
public sealed class BusinessRouter(CatalogStore catalog, WhatsAppTables tables, IOptions<TwilioOptions> options, TimeProvider time)
{
    private const string Greeting = "Hola";

    public async Task<Destination> ResolveAsync(string to, CancellationToken ct)
    {
        if (to.Length == 0) return new Destination.Unknown();
        if (await catalog.FindBusinessByWhatsAppAsync(to, ct) is { } id) return new Destination.Business(id);
        return options.Value.SharedNumbers.Contains(to, StringComparer.Ordinal) ? new Destination.Shared(to) : new Destination.Unknown();
    }

    public async Task<SharedChoice> ChooseAsync(string number, string customer, string text, CancellationToken ct)
    {
        var ids = (await catalog.ListBusinessIdsAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (code, rest) = BusinessCode.Find(text);
        if (code is not null)
        {
            if (!ids.Contains(code)) return new(null, text, await QuestionAsync(ids, code, text, ct));
            await RememberAsync(number, customer, code, ct);
            return new(code, rest.Length > 0 ? rest : Greeting, null);
        }

        var row = await tables.Messages.FindAsync(WhatsAppTables.RoutePartition(number), WhatsAppTables.CustomerKey(customer), ["BusinessId"], ct);
        if (row?.GetString("BusinessId") is { } chosen && ids.Contains(chosen)) return new(chosen, text, null);

        // Asked for a code, a customer may answer with the bare code.
        if (BusinessCode.Bare(text) is { } bare && ids.Contains(bare))
        {
            await RememberAsync(number, customer, bare, ct);
            return new(bare, Greeting, null);
        }
        return new(null, text, await QuestionAsync(ids, null, text, ct));
    }

    private Task RememberAsync(string number, string customer, string businessId, CancellationToken ct) =>
        tables.Messages.TryUpsertAsync(new TableEntity(WhatsAppTables.RoutePartition(number), WhatsAppTables.CustomerKey(customer))
        {
            ["BusinessId"] = businessId,
            ["ChosenUtc"] = time.GetUtcNow(),
        }, ct: ct);

    /// <summary>Which business, asked in the language of the customer's message.</summary>
    private async Task<string> QuestionAsync(IReadOnlyCollection<string> ids, string? unknownCode, string text, CancellationToken ct)
    {
        var documents = await Task.WhenAll(ids.Select(async id => (Id: id, Doc: await catalog.GetDocumentAsync(id, ct))));
        var listed = documents.Where(d => d.Doc is not null)
            .Select(d => (Name: d.Doc!.Name ?? d.Id, Code: d.Id))
            .OrderBy(b => b.Name, StringComparer.InvariantCultureIgnoreCase)
            .ToList();
        var language = WhatsAppReplies.LanguageOf(text);
        if (listed.Count == 0) return language == Turnos.Core.Businesses.Language.En ? WhatsAppReplies.NoBusinessesEnglish : WhatsAppReplies.NoBusinesses;
        return WhatsAppReplies.AskBusiness(listed, unknownCode, language);
    }
}
