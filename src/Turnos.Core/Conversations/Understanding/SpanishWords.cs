namespace Turnos.Core.Conversations;

/// <summary>
/// Chat spelling to dictionary spelling, and the lexicon: every word the rules know. A known word is never
/// "corrected" into a service by typo tolerance ("calor" is not "color"), and is never taken for a name.
/// </summary>
internal static class SpanishWords
{
    private static readonly Dictionary<string, string[]> Abbreviations = Build(new()
    {
        ["que"] = ["q", "k", "ke", "qe"], ["porque"] = ["xq", "pq", "pk", "porq", "xk"], ["por"] = ["x"],
        ["por favor"] = ["xfa", "xfavor", "porfa", "porfis", "porfi", "plis", "pls", "plz"],
        ["tambien"] = ["tmb", "tb", "tmbn", "tambn"], ["de"] = ["d"], ["despues"] = ["dsp", "dps", "desp"],
        ["mañana"] = ["mñn", "mnn", "mñna", "maniana", "manana", "mñana", "mananita", "mañanita", "mñ"],
        ["hs"] = ["h", "hr", "hrs", "hsd"], ["bien"] = ["bn"], ["sabado"] = ["sab"], ["domingo"] = ["dom"],
        ["lunes"] = ["lun"], ["miercoles"] = ["mie", "mier", "mierc"], ["jueves"] = ["jue", "juev"],
        ["viernes"] = ["vie", "vier"], ["ok"] = ["oki", "okis", "okey", "okay", "oka", "okk", "okok", "oky"],
        ["dale"] = ["dle"], ["gracias"] = ["grax", "grs", "grcs", "gracia", "graciass", "thx", "tnx"],
        ["bueno"] = ["bno", "weno"], ["para"] = ["xa", "pa"], ["cuando"] = ["cdo", "qdo"],
        ["numero"] = ["nro", "num", "nº"], ["usted"] = ["ud"], ["ustedes"] = ["uds"], ["email"] = ["e-mail", "mail", "correo"],
        ["tarde"] = ["tardecita"], ["noche"] = ["nochecita"], ["temprano"] = ["tempranito"], ["proximo"] = ["prox"],
        ["semana"] = ["sem"], ["fin de semana"] = ["finde"], ["si"] = ["sii", "sipi"], ["perfecto"] = ["perfect", "perfe"],
        ["tenes"] = ["tnes"], ["quiero"] = ["qiero", "kiero"], ["turno"] = ["trno"], ["uñas"] = ["unias", "uniass"],
    });

    /// <summary>Function words and everyday verbs of booking chats, beyond the keyword lists.</summary>
    private const string Common =
        "a al ante bajo con contra de del desde durante e el en entre hacia hasta la las le les lo los me mi mis nos o os " +
        "para por que se sin sobre su sus te ti tu tus u un una unos unas y ya yo vos usted ustedes ella el ellos nosotros " +
        "mio mia tuyo suyo este esta estos estas ese esa esos esas aquel aca alla aqui ahi algo alguien alguno alguna algun " +
        "nada nadie todo toda todos todas otro otra otros otras mismo misma muy mas menos tan tanto poco mucho mucha bien mal " +
        "es son soy sos somos era fue ser estar estoy estas esta estamos estan estaba hay habia haber he ha han tengo tenes " +
        "tiene tienen tenemos tener tenia podes puede pueden puedo podemos poder podria quiero queres quiere quieren querria " +
        "queria quisiera necesito necesitas necesita hago hace hacen hacer haces hacemos voy vas va van vamos ir iria vengo " +
        "venir viene pasa pasar paso sale salen salir cuesta cuestan dame decime decir digo dice sabes saber se creo " +
        "ver veo llamo llama llamar nombre apellido email telefono celular cel numero whatsapp wsp turno turnos cita hora horas " +
        "hs dia dias semana semanas mes meses año fecha hoy ayer ahora luego despues antes tarde temprano noche mañana " +
        "madrugada mediodia medianoche pm am cual cuales quien quienes como cuando donde cuanto cuanta cuantos cuantas porque " +
        "pero sino aunque si no tambien tampoco solo sola entonces asi igual cualquiera cualquier cliente clienta nuevo nueva " +
        "primera vez favor gracias perdon disculpa disculpas hola chau claro genial listo ok dale bueno buena buenos buenas " +
        "importa indistinto preferencia sea sean calor frio corre corren parte norte carta barra tiene vale valor mano pie " +
        "local negocio codigo peluqueria salon consultorio estudio profesional peluquero peluquera chica chico señora señor " +
        "señorita hijo hija mama papa marido esposa novio novia amiga amigo persona personas gente lugar ok jaja jajaja jeje " +
        "lindo linda seria serian seguro segura capaz quizas tal vez puede ser ahi mismo media cuarto punto tipo eso esto " +
        "medio cerca alrededor partir pasado pasada pasadas imposible sino ni mejor tardar dura tarda llegar llego espero avisame avisa confirmame mandame envio";

    private static readonly HashSet<string> Lexicon = new(
        Common.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Concat(IntentWords.Words).Concat(CalendarWords.Words).Concat(ServiceSynonyms.Words)
            .Concat(Abbreviations.Values.SelectMany(v => v)), StringComparer.Ordinal);

    public static bool IsKnown(string foldedWord) => Lexicon.Contains(foldedWord);

    /// <summary>
    /// A raw word as the rules read it: folded, emphasis removed, chat spelling expanded. One word may become
    /// several ("porfa" → "por favor", "finde" → "fin de semana").
    /// </summary>
    public static string[] Normalize(string raw)
    {
        var folded = SpanishText.Fold(raw);
        if (Abbreviations.TryGetValue(folded, out var expanded)) return expanded;
        var word = SpanishText.Squeeze(folded);
        if (!Lexicon.Contains(word) && !Abbreviations.ContainsKey(word))
        {
            var collapsed = SpanishText.Collapse(word);
            if (Lexicon.Contains(collapsed) || Abbreviations.ContainsKey(collapsed)) word = collapsed;
        }
        return Abbreviations.TryGetValue(word, out expanded) ? expanded : [word];
    }

    /// <summary>A catalog name's word, folded the same way but without chat expansions (a service is not "por").</summary>
    public static string NormalizeName(string raw) => SpanishText.Squeeze(SpanishText.Fold(raw));

    private static Dictionary<string, string[]> Build(Dictionary<string, string[]> byExpansion)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (expansion, spellings) in byExpansion)
            foreach (var s in spellings) map[s] = expansion.Split(' ');
        return map;
    }
}
