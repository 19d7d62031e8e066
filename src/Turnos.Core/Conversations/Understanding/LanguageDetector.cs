using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>How much a message sounds Spanish and how much English: one point per word that belongs to one language
/// only (function words and booking-chat vocabulary); names, numbers, emoji, emails and words both share count for
/// neither. Explainable: <see cref="SpanishWords"/> and <see cref="EnglishWords"/> list what counted.</summary>
public sealed record LanguageEvidence(int Spanish, int English, IReadOnlyList<string> SpanishWords, IReadOnlyList<string> EnglishWords)
{
    public static LanguageEvidence None { get; } = new(0, 0, [], []);
}

/// <summary>
/// The conversation's language, message by message. A message with evidence picks the language it leans to (one
/// point ahead is enough to start a conversation). After that the language is sticky: it changes only when a
/// message clearly switches (at least two points for the other language and two ahead), so "ok", "yes" or a name
/// never flips it. The result is always one of the business's languages; any other falls back to its first.
/// </summary>
public static class LanguageDetector
{
    public const int SwitchMargin = 2;

    public static LanguageEvidence Score(string text)
    {
        var (_, _, rest) = EmailExpressions.Read(text ?? "", Expectation.None);
        List<string> es = [], en = [];
        foreach (var raw in Words(rest))
        {
            var folded = SpanishText.Fold(raw);
            // "book", "good", "noon": English doubles vowels that Spanish chat spelling only stretches ("holaaa").
            var word = EnglishMarkers.Contains(folded) ? folded : SpanishText.Squeeze(folded);
            // Accents and ñ mark Spanish, except in capitalised words: names ("José", "Lucía") say nothing.
            var spanish = SpanishMarkers.Contains(word) || !char.IsUpper(raw[0]) && raw.Any(c => c is 'ñ' or 'á' or 'é' or 'í' or 'ó' or 'ú');
            var english = EnglishMarkers.Contains(word) || raw.Contains('\'') && EnglishContractions.Any(c => word.EndsWith(c, StringComparison.Ordinal));
            if (spanish && !english) es.Add(word);
            else if (english && !spanish) en.Add(word);
        }
        if (rest.Contains('¿') || rest.Contains('¡')) es.Add("¿¡");
        return new(es.Count, en.Count, es, en);
    }

    /// <param name="current">The conversation's language so far; null when nothing was said yet.</param>
    public static Language Decide(LanguageEvidence evidence, Language? current, IReadOnlyList<Language> allowed)
    {
        var first = allowed.Count > 0 ? allowed[0] : Language.Es;
        Language? leaning = evidence.English > evidence.Spanish ? Language.En : evidence.Spanish > evidence.English ? Language.Es : null;
        Language chosen;
        if (current is not { } sticky) chosen = leaning ?? first;
        else
        {
            var (other, mine) = sticky == Language.Es ? (evidence.English, evidence.Spanish) : (evidence.Spanish, evidence.English);
            chosen = leaning is { } l && l != sticky && other >= SwitchMargin && other - mine >= SwitchMargin ? l : sticky;
        }
        return allowed.Contains(chosen) ? chosen : first;
    }

    public static Language Detect(string text, Language? current, IReadOnlyList<Language> allowed) => Decide(Score(text), current, allowed);

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' && start >= 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].Replace('’', '\'');
                start = -1;
            }
        }
    }

    private static readonly string[] EnglishContractions = ["'m", "'s", "'re", "'ll", "'d", "'ve", "n't"];

    // Words only one of the two languages uses. Shared or ambiguous ones ("no", "a", "me", "ok", "color", "mail", "local",
    // "son", "once", "ten") are left out on purpose; a word in both lists counts for neither.
    private static readonly HashSet<string> SpanishMarkers = new(
        ("el la los las un una unos unas de del que en para por con sin y pero mi tu su mis tus es soy sos esta estoy " +
         "hay tengo tenes tiene tienen quiero quisiera queria necesito puedo podes puede pueden podria me gustaria " +
         "turno turnos cita hora horas dia dias mañana manana hoy tarde noche semana lunes martes miercoles jueves viernes sabado " +
         "domingo cuanto cuanta cuando donde como cual quien gracias hola buenas buenos buen chau dale si bueno listo " +
         "perfecto claro genial vale nombre llamo cortarme corte pelo uñas barba peinado manicura reservar agendar sacar " +
         "cancelar cambiar mover pasar precio precios sale cuesta cobran atienden abren cierran lugar libre disponible " +
         "horario horarios proximo proxima viene este ese eso esto tambien muy mas mejor nada algo alguien todo porfa " +
         "favor disculpa perdon ahora despues antes las los al lo le les nos te yo vos ustedes quisiera mañanas tardes")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static readonly HashSet<string> EnglishMarkers = new(
        ("the an of for with without and but my your his her our their is am are was were be been i i'm im you you're we " +
         "they it it's its this that these those there here what when where which who how much many can could would " +
         "should will shall do does did don't dont want wanna need like please thanks thank hey hello hi good morning " +
         "afternoon evening night today tomorrow tonight week weekend monday tuesday wednesday thursday friday saturday " +
         "sunday next book booking appointment appointments reservation slot slots available availability free open " +
         "close closed hours time price prices cost costs how's haircut cut trim nails beard colour get have has " +
         "at on in to from after before between around about yes yeah yep yup sure nope okay cancel reschedule change " +
         "move instead name see bye goodbye cheers great perfect fine works sounds anyone somebody someone " +
         "person human agent is any just also still only there's i'd i'll let me let's not isn't aren't o'clock noon " +
         "pm am morning later earlier other another first second last one two three four five six seven eight nine " +
         "ten eleven twelve january february march april may june july august september october november december")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
