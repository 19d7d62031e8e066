namespace Turnos.Functions.WhatsApp;

/// <summary>A webhook's POST parameters: every pair, as the signature covers them, and one value per name.</summary>
public sealed class WebhookForm
{
    private WebhookForm(List<KeyValuePair<string, string>> pairs)
    {
        Pairs = pairs;
        Fields = pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The parameters, none for a body that is not a form; null for a form that cannot be read.</summary>
    public static async Task<WebhookForm?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return new([]);
        try
        {
            var form = await request.ReadFormAsync(ct);
            return new([.. form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")))]);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
