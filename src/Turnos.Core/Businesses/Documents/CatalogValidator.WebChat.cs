namespace Turnos.Core.Businesses.Documents;

/// <summary>The web chat widget's settings: the origins that may embed it, each a plain http(s) origin.</summary>
public static partial class CatalogValidator
{
    public const int MaxWebChatOrigins = 20;

    private static WebChat ValidateWebChat(WebChatDocument? doc, string path, List<CatalogError> errors)
    {
        if (doc?.AllowedOrigins is not { } given) return WebChat.Open;
        if (given.Count > MaxWebChatOrigins)
            errors.Add(new($"{path}.allowedOrigins", $"must list at most {MaxWebChatOrigins} origins, not {given.Count}"));
        var origins = new List<string>();
        for (var i = 0; i < given.Count; i++)
        {
            var at = $"{path}.allowedOrigins[{i}]";
            if (WebOrigin.Normalize(given[i]) is not { } origin)
                errors.Add(new(at, $"'{given[i]}' is not a web origin like https://www.example.com (scheme and host, no path)"));
            else if (origins.Contains(origin)) errors.Add(new(at, $"{origin} is listed twice"));
            else origins.Add(origin);
        }
        return new WebChat(ValueList.Of(origins));
    }
}
