namespace Turnos.Core.Conversations;

/// <summary>
/// Everyday words for kinds of service, grouped. A group belongs to whichever services of a catalog have one of
/// its words in their name or id, so "uñas" finds "Manicura" in one salon and "Esmaltado semipermanente" in
/// another: nothing here names a particular catalog. Weight 2 is a word that points at a service on its own
/// ("corte", "uñas"); weight 1 only helps ("pelo" is said of cuts, colour and styling alike).
/// </summary>
internal static class ServiceSynonyms
{
    internal sealed record Group(int Weight, Phrases Terms);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new(2, new("corte", "cortes", "cortar", "cortarme", "cortarse", "cortarle", "cortarte", "cortarnos", "cortame", "cortito", "recorte", "recortar", "rapado", "rapar", "raparme", "flequillo", "puntas", "degrade")),
        new(1, new("pelo", "cabello", "cabeza")),
        new(2, new("color*", "tint*", "teñ*", "tiñ*", "tenir*", "mechas", "reflejos", "balayage", "baliage", "decolor*", "raiz", "raices", "matiz*")),
        new(2, new("uñas", "manicur*", "manos", "esmalt*", "semipermanente", "semi", "kapping", "capping", "acrilicas", "esculpidas", "gel")),
        new(2, new("pedicur*", "pies", "podolog*")),
        new(2, new("barba", "barbas", "afeit*", "bigote", "rasur*", "barberia")),
        new(2, new("peinad*", "peinar*", "brushing", "brushin", "brush", "planchita", "planchado", "ondas", "recogido", "rulos", "bucles", "trenza", "trenzas")),
        new(2, new("alisad*", "alisar*", "keratina", "botox")),
        new(1, new("lavado", "lavar", "lavarme", "lavaje")),
        new(2, new("depil*", "cera", "laser")),
        new(2, new("masaj*", "descontracturante", "relajante")),
        new(2, new("facial", "cutis", "limpieza de cutis", "limpieza facial")),
        new(2, new("ceja", "cejas")),
        new(2, new("pestaña*", "lifting")),
        new(2, new("maquill*", "make up")),
        new(2, new("consulta", "control", "chequeo", "revision")),
    ];

    /// <summary>Read as nails only where it cannot be the article "unas" (customers often skip the ñ).</summary>
    public const string UnasWithoutTilde = "unas";

    public static readonly IReadOnlySet<string> Words = Groups.SelectMany(g => g.Terms.Words).ToHashSet();
}
