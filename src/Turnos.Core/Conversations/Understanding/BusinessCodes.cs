using Turnos.Core.Businesses.Documents;

namespace Turnos.Core.Conversations;

/// <summary>
/// A business code, for a WhatsApp number shared by several businesses: "#demo" anywhere (a wa.me link's
/// prefilled text), "negocio demo", "código demo", or the bare answer when the business was asked.
/// </summary>
internal static class BusinessCodes
{
    private static readonly Phrases Lead = new("negocio", "codigo", "cod", "local", "codigo del negocio", "codigo de negocio");

    private static readonly HashSet<string> NamingWords = ["peluqueria", "salon", "barberia", "estudio", "consultorio", "spa", "clinica", "estetica", "centro"];

    public static string? Read(Utterance u, Expectation expecting)
    {
        for (var i = 0; i < u.Count; i++)
        {
            if (u.Free(i) is { Kind: TokenKind.Tag } tag && Valid(tag.Text) is { } code)
            {
                u.Use(i, 1);
                return code;
            }
        }
        for (var (at, n) = u.Find(Lead); n > 0; (at, n) = u.Find(Lead, at + 1))
        {
            var j = u.Free(at + n) is { Kind: TokenKind.Punctuation, Text: ":" } ? at + n + 1 : at + n;
            if (u.Free(j) is { Kind: not TokenKind.Punctuation } t && (t.Kind != TokenKind.Word || !SpanishWords.IsKnown(t.Text))
                && Valid(Raw(u, t)) is { } code)
            {
                u.Use(at, j + 1 - at);
                return code;
            }
        }
        if (expecting != Expectation.Business) return null;
        var parts = u.Tokens.Where(t => !t.Used && (t.Kind is TokenKind.Number || (t.Kind == TokenKind.Word && IsNaming(t.Text)))).ToArray();
        if (parts.Length == 0 || Valid(string.Join('-', parts.Select(t => Raw(u, t)))) is not { } answer) return null;
        foreach (var t in parts) t.Used = true;
        return answer;
    }

    // The words of a business's name: anything the rules do not know, and the nouns businesses are named with.
    private static bool IsNaming(string word) => !SpanishWords.IsKnown(word) || NamingWords.Contains(word) || ServiceSynonyms.Words.Contains(word);

    private static string Raw(Utterance u, Token t) => SpanishText.Fold(u.Text[t.Start..t.End]).TrimStart('#').Replace('ñ', 'n');

    private static string? Valid(string code)
    {
        var slug = code.Replace('_', '-').Replace('ñ', 'n');
        return CatalogValidator.IdPattern().IsMatch(slug) ? slug : null;
    }
}
