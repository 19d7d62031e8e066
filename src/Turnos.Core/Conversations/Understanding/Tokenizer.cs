using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>Splits a message into words, numbers ("15:30", "18/11", "1°"), #tags, punctuation and meaningful emoji.</summary>
internal static partial class Tokenizer
{
    private static readonly Dictionary<int, string> Emoji = new()
    {
        [0x1F44D] = "ok", [0x1F44C] = "ok", [0x2705] = "ok", [0x2714] = "ok", [0x2611] = "ok", [0x1F64C] = "ok",
        [0x1F44E] = "no", [0x274C] = "no", [0x1F6AB] = "no", [0x1F44B] = "hola", [0x1F64F] = "gracias",
    };

    // "p.m.", "a. m." → "pm", "am", padded so positions in the text do not move.
    [GeneratedRegex(@"(?<=\d\s?)([ap])\.\s?m\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Meridiem();

    /// <param name="language">Whose chat spelling and lexicon the words are normalised with.</param>
    public static Utterance Read(string text, Language language = Language.Es)
    {
        var source = Meridiem().Replace(text, m => (m.Groups[1].Value + "m").PadRight(m.Length));
        var tokens = new List<Token>();
        var lastEnd = -1;
        for (var i = 0; i < source.Length;)
        {
            var c = source[i];
            var start = i;
            var glued = i == lastEnd;
            if (char.IsLetter(c))
            {
                i = ReadWord(source, i);
                var words = language == Language.En ? EnglishWords.Normalize(source[start..i]) : SpanishWords.Normalize(source[start..i]);
                foreach (var w in words) tokens.Add(new(TokenKind.Word, w, start, i, glued));
            }
            else if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(source, i);
                tokens.Add(new(TokenKind.Number, source[start..i], start, i, glued));
            }
            else if (c == '#' && i + 1 < source.Length && char.IsLetterOrDigit(source[i + 1]))
            {
                i++;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '-' or '_')) i++;
                tokens.Add(new(TokenKind.Tag, SpanishText.Fold(source[(start + 1)..i]), start, i, glued));
            }
            else if (Rune.DecodeFromUtf16(source.AsSpan(i), out var rune, out var length) == System.Buffers.OperationStatus.Done
                && Emoji.TryGetValue(rune.Value, out var meaning))
            {
                i += length;
                tokens.Add(new(TokenKind.Word, language == Language.En ? EnglishWords.Emoji(meaning) : meaning, start, i, glued));
            }
            else if (",.;:!?¿¡()".Contains(c))
            {
                i++;
                tokens.Add(new(TokenKind.Punctuation, c.ToString(), start, i, glued));
            }
            else
            {
                i += Math.Max(1, length);
                continue; // spaces and other symbols separate tokens but are not tokens
            }
            lastEnd = i;
        }
        return new Utterance(text, tokens, language);
    }

    // Letters and combining marks, with inner apostrophes and hyphens ("O'Brien", "Ana-María", "e-mail").
    private static int ReadWord(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsLetter(s[i]) || IsMark(s[i])) i++;
            else if (s[i] is '\'' or '’' or '-' && i + 1 < s.Length && char.IsLetter(s[i + 1])) i += 2;
            else break;
        }
        return i;
    }

    // Digits with inner ':', '.', '/' or '-' between digits ("15:30", "15.30", "18/11/2026"), then an optional "°".
    private static int ReadNumber(string s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        while (i + 1 < s.Length && s[i] is ':' or '.' or '/' or '-' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        }
        if (i < s.Length && s[i] is '°' or 'º' or 'ª') i++;
        return i;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
