namespace Turnos.Core.Conversations;

internal enum TokenKind { Word, Number, Tag, Punctuation }

/// <summary>
/// One piece of a message. <see cref="Text"/> is folded for words ("Mñn" → "mañana"), the digits as written for
/// numbers ("15:30"), the lowercase code for tags ("#Demo" → "demo"). Start/End point into the original text, so
/// a name can be cut out with its accents and capitals. Parsers mark the tokens they use, so "mañana" in
/// "10 de la mañana" is not read again as tomorrow.
/// </summary>
internal sealed class Token(TokenKind kind, string text, int start, int end, bool glued)
{
    public TokenKind Kind { get; } = kind;
    public string Text { get; } = text;
    public int Start { get; } = start;
    public int End { get; } = end;

    /// <summary>Written right after the previous token, without a space ("3pm", "15hs", "1ro").</summary>
    public bool Glued { get; } = glued;

    public bool Used { get; set; }

    public override string ToString() => Used ? $"[{Text}]" : Text;
}
