namespace Turnos.Core.Conversations;

/// <summary>
/// Everyday English words for kinds of service, for catalogs written in Spanish (or English) without aliases. A group
/// belongs to the services whose name or id has one of its anchors (Spanish stems such as "corte", or the English
/// terms themselves), so "haircut" finds "Corte de cabello" and "Haircut" alike. Weights as in
/// <see cref="ServiceSynonyms"/>: 2 names a service on its own, 1 only helps ("hair").
/// </summary>
internal static class EnglishServiceWords
{
    private sealed record Group(int Weight, Phrases Anchors, Phrases Terms);

    private static readonly Group[] All =
    [
        new(2, new("corte", "cortes", "haircut", "cut", "trim"), new("haircut", "haircuts", "hair cut", "cut", "cuts", "trim", "fade", "buzz cut", "crop")),
        new(1, new("cabello", "pelo", "hair"), new("hair")),
        new(2, new("color*", "tint*", "colour*", "dye*"), new("colour", "color", "coloring", "colouring", "dye", "highlights", "balayage", "roots", "bleach", "tint")),
        new(2, new("manicur*", "uñas", "esmalt*", "nail*"), new("manicure", "mani", "nails", "nail", "gel nails", "polish")),
        new(2, new("pedicur*", "pies", "feet"), new("pedicure", "pedi", "feet", "toes")),
        new(2, new("barba", "afeit*", "beard*", "shav*"), new("beard", "beard trim", "shave", "shaving", "mustache", "moustache")),
        new(2, new("peinad*", "brushing", "updo", "styl*", "blow*"), new("updo", "blow dry", "blow-dry", "blowdry", "blowout", "styling", "hairstyle", "style", "braids", "curls")),
        new(2, new("alisad*", "keratin*", "straight*"), new("straightening", "keratin", "straighten")),
        new(2, new("depil*", "cera", "wax*"), new("waxing", "wax", "hair removal")),
        new(2, new("masaj*", "massag*"), new("massage")),
        new(2, new("facial", "cutis"), new("facial", "face")),
        new(2, new("ceja", "cejas", "brow*", "eyebrow*"), new("eyebrows", "eyebrow", "brows")),
        new(2, new("pestaña*", "lash*", "eyelash*"), new("lashes", "eyelashes")),
        new(2, new("maquill*", "makeup", "make"), new("makeup", "make up", "make-up")),
        new(2, new("consulta", "control", "chequeo", "consultation", "checkup"), new("consultation", "checkup", "check-up")),
        new(1, new("lavado", "lavar", "wash*", "shampoo"), new("wash", "shampoo")),
    ];

    /// <summary>The groups whose anchors (or terms) appear among a service's name words and id.</summary>
    public static ServiceSynonyms.Group[] GroupsFor(string[] nameWords, string foldedName) =>
        All.Where(g => Matches(g.Anchors, nameWords, foldedName) || Matches(g.Terms, nameWords, foldedName))
            .Select(g => new ServiceSynonyms.Group(g.Weight, g.Terms)).ToArray();

    private static bool Matches(Phrases phrases, string[] words, string folded) =>
        phrases.Items.Any(t => t.Length == 1 ? words.Any(w => Phrases.WordMatches(t[0], w)) : folded.Contains(string.Join(' ', t)));

    public static IEnumerable<string> Words => All.SelectMany(g => g.Terms.Words);
}
