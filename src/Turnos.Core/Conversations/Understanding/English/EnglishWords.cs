namespace Turnos.Core.Conversations;

/// <summary>
/// English chat spelling to dictionary spelling, and the English lexicon: every word the English rules know, so
/// it is never taken for a name ("I'm free", "I'm looking for…") nor corrected into a service.
/// </summary>
internal static class EnglishWords
{
    private static readonly Dictionary<string, string[]> Abbreviations = Build(new()
    {
        ["you"] = ["u"], ["your"] = ["ur"], ["are"] = ["r"], ["please"] = ["pls", "plz", "plss", "pleas", "pleasee"],
        ["thanks"] = ["thx", "thnx", "tnx", "ty", "thankyou", "thanx", "tks"], ["tomorrow"] = ["tmrw", "tmr", "tmrrw", "tomoz", "tomorow",
        "tommorow", "tommorrow", "tomoro", "tomorro", "2moro", "2morrow"], ["today"] = ["tdy", "2day"], ["tonight"] = ["tonite", "2nite"],
        ["ok"] = ["k", "kk", "okay", "oki", "okie", "okey", "okk"], ["appointment"] = ["appt", "apt", "appointmnt", "appoitment", "apointment"],
        ["minutes"] = ["mins"], ["hours"] = ["hrs"], ["i'm"] = ["im"], ["want to"] = ["wanna"], ["going to"] = ["gonna"],
        ["monday"] = ["mon"], ["tuesday"] = ["tue", "tues"], ["wednesday"] = ["wed", "weds"], ["thursday"] = ["thu", "thur", "thurs"],
        ["friday"] = ["fri"], ["saturday"] = ["sat"], ["sunday"] = ["sun"], ["evening"] = ["eve"], ["noon"] = ["midday"],
        ["don't"] = ["dont"], ["can't"] = ["cant"], ["won't"] = ["wont"], ["what's"] = ["whats"], ["that's"] = ["thats"],
        ["it's"] = ["its"], ["i'd"] = ["id"], ["doesn't"] = ["doesnt"], ["yes"] = ["yess", "yas", "yeas"],
        ["haircut"] = ["hiarcut", "harcut", "haircutt"], ["reschedule"] = ["re-schedule"], ["email"] = ["e-mail", "mail"],
    });

    /// <summary>Everyday English of booking chats, beyond the keyword lists.</summary>
    private const string Common =
        "a an the of for with without to from in on at by about around into onto over under up down out off and or but so " +
        "if then than because as i i'm i'd i'll i've me my mine myself you you're your yours we we're our us they them their " +
        "he she him her his it it's its this that these those there here what what's when where which who whom whose why how " +
        "is am are was were be been being do does did done don't doesn't didn't have has had having can can't could couldn't " +
        "will won't would wouldn't shall should may might must need needs want wants wanted like likes love would'nt get got " +
        "getting make made making take taking come coming go going see look looking book booked booking let let's tell know " +
        "think hope wonder wondering check checking help try trying ask asking give call find work works working say said " +
        "just also still only really very much many more most less some any all no not none nothing something anything every " +
        "each other another same new first last next soon now later early earlier late again already yet ever never always " +
        "maybe perhaps possible please thanks thank sorry excuse hi hello hey yes no ok okay sure fine good great nice cool " +
        "perfect awesome well right wrong free busy available open closed today tomorrow tonight morning afternoon evening " +
        "night week weekend day days time times hour hours minute minutes month year date noon midnight o'clock am pm " +
        "appointment appointments slot slots spot reservation name email phone number address location place salon shop " +
        "clinic price prices cost service services option options one two three four five six seven eight nine ten eleven " +
        "twelve people person someone somebody anyone anybody everyone whoever interested able happy glad available " +
        "coming arriving arrive there visit visiting staying stay tourist here friend wife husband daughter son kid kids " +
        "mom dad sister brother guys guy lady please x thx lol haha hahaha wow oh ah um uh hmm yeah yep yup nope nah 's";

    public static readonly Phrases Anyone = new(
        "anyone", "anybody", "whoever", "with anyone", "with anybody", "any stylist", "any of them", "whoever is free",
        "whoever is available", "no preference", "i don't mind who", "don't mind who", "doesn't matter who", "it doesn't matter who",
        "don't care who", "i don't care who", "either", "either one", "whichever", "anyone is fine", "anyone's fine");

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday, ["mondays"] = DayOfWeek.Monday,
        ["tuesdays"] = DayOfWeek.Tuesday, ["wednesdays"] = DayOfWeek.Wednesday, ["thursdays"] = DayOfWeek.Thursday,
        ["fridays"] = DayOfWeek.Friday, ["saturdays"] = DayOfWeek.Saturday, ["sundays"] = DayOfWeek.Sunday,
    };

    public static readonly IReadOnlyDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7, ["august"] = 8,
        ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12, ["jan"] = 1, ["feb"] = 2, ["mar"] = 3,
        ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["sept"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
    };

    /// <summary>1-based; negative counts from the end ("the last one" = -1).</summary>
    public static readonly IReadOnlyDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["last"] = -1,
    };

    /// <summary>What follows a digit to make it an ordinal: "1st", "2nd", "3rd", "9th".</summary>
    public static readonly Phrases OrdinalSuffixes = new("st", "nd", "rd", "th");

    private static readonly HashSet<string> Lexicon = new(
        Common.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(EnglishIntentWords.Words).Concat(Weekdays.Keys).Concat(Months.Keys).Concat(Numbers.Keys).Concat(Ordinals.Keys)
            .Concat(EnglishServiceWords.Words).Concat(Anyone.Words).Concat(Abbreviations.Values.SelectMany(v => v)), StringComparer.Ordinal);

    public static bool IsKnown(string foldedWord) => Lexicon.Contains(foldedWord);

    public static int? Number(string word) => Numbers.TryGetValue(word, out var n) ? n : null;

    /// <summary>An emoji's meaning (given in Spanish by the tokenizer) in English.</summary>
    public static string Emoji(string meaning) => meaning switch { "hola" => "hello", "gracias" => "thanks", _ => meaning };

    /// <summary>A raw word as the English rules read it: lowercase, no accents, emphasis ("sooo") removed when that
    /// gives a known word, chat spelling expanded ("tmrw" → "tomorrow", "wanna" → "want to").</summary>
    public static string[] Normalize(string raw)
    {
        var folded = SpanishText.Fold(raw).Replace('’', '\'');
        if (Abbreviations.TryGetValue(folded, out var expanded)) return expanded;
        // "tomorrow's appointment", "Friday's": the day, and the "'s" that makes it the appointment's (a move's source).
        if (folded.EndsWith("'s", StringComparison.Ordinal) && folded[..^2] is var day && (Weekdays.ContainsKey(day) || day is "today" or "tomorrow" or "tonight"))
            return [day, "'s"];
        var word = folded;
        if (!Lexicon.Contains(word))
        {
            var squeezed = SpanishText.Squeeze(word);
            var collapsed = SpanishText.Collapse(word);
            word = Lexicon.Contains(squeezed) ? squeezed : Lexicon.Contains(collapsed) ? collapsed : word;
        }
        return Abbreviations.TryGetValue(word, out expanded) ? expanded : [word];
    }

    private static Dictionary<string, string[]> Build(Dictionary<string, string[]> byExpansion)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (expansion, spellings) in byExpansion)
            foreach (var s in spellings) map[s] = expansion.Split(' ');
        return map;
    }
}
