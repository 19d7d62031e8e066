using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>A tokenized message and the small vocabulary of questions the parsers ask about it.</summary>
internal sealed class Utterance(string text, List<Token> tokens, Language language = Language.Es)
{
    public string Text { get; } = text;

    /// <summary>The language the words were read in: it picks the lexicon and the number words.</summary>
    public Language Language { get; } = language;

    /// <summary>A word the rules of this language know, so never a name nor a typo of a service.</summary>
    public bool IsKnown(string foldedWord) => Language == Language.En ? EnglishWords.IsKnown(foldedWord) : SpanishWords.IsKnown(foldedWord);

    /// <summary>A number word of this language ("tres", "three").</summary>
    public int? NumberWord(string word) => Language == Language.En ? EnglishWords.Number(word) : CalendarWords.Number(word);
    public IReadOnlyList<Token> Tokens => tokens;
    public int Count => tokens.Count;

    /// <summary>The token at <paramref name="i"/> if it exists and no parser has used it yet.</summary>
    public Token? Free(int i) => i >= 0 && i < tokens.Count && !tokens[i].Used ? tokens[i] : null;

    /// <summary>The folded word at <paramref name="i"/>, if it is a word nobody has used.</summary>
    public string? Word(int i) => Free(i) is { Kind: TokenKind.Word } t ? t.Text : null;

    public bool IsWord(int i, string word) => Word(i) == word;

    public bool IsWord(int i, Phrases words) => Word(i) is { } w && words.ContainsWord(w);

    /// <summary>How many tokens <paramref name="phrase"/> covers at <paramref name="i"/>; 0 when it does not match there.</summary>
    public int Match(int i, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
            if (Word(i + k) is not { } w || !Phrases.WordMatches(phrase[k], w)) return 0;
        return phrase.Length;
    }

    /// <summary>The longest phrase of the set matching at <paramref name="i"/>, or 0.</summary>
    public int Match(int i, Phrases phrases)
    {
        foreach (var p in phrases.Items)
            if (Match(i, p) is > 0 and var n) return n;
        return 0;
    }

    /// <summary>The leftmost match of any phrase of the set, at or after <paramref name="from"/>.</summary>
    public (int At, int Length) Find(Phrases phrases, int from = 0)
    {
        for (var i = from; i < tokens.Count; i++)
            if (Match(i, phrases) is > 0 and var n) return (i, n);
        return (-1, 0);
    }

    public bool Has(Phrases phrases) => Find(phrases).Length > 0;

    /// <summary>Marks every match of the set as used; true if there was any.</summary>
    public bool TakeAll(Phrases phrases)
    {
        var any = false;
        for (var (at, n) = Find(phrases); n > 0; (at, n) = Find(phrases, at + n))
        {
            Use(at, n);
            any = true;
        }
        return any;
    }

    public void Use(int at, int length)
    {
        for (var i = at; i < at + length && i < tokens.Count; i++) tokens[i].Used = true;
    }

    /// <summary>A free whole number at <paramref name="i"/>: digits ("15", "1°") or a number word ("tres").</summary>
    public int? Integer(int i)
    {
        if (Free(i) is not { } t) return null;
        if (t.Kind == TokenKind.Word) return NumberWord(t.Text);
        if (t.Kind != TokenKind.Number) return null;
        var digits = t.Text.TrimEnd('°', 'º', 'ª');
        return digits.Length is > 0 and <= 4 && digits.All(char.IsAsciiDigit) ? int.Parse(digits) : null;
    }

    /// <summary>The original text from token <paramref name="first"/> to token <paramref name="last"/>, inclusive.</summary>
    public string Slice(int first, int last) => Text[tokens[first].Start..tokens[last].End];

    public override string ToString() => string.Join(' ', tokens);
}
