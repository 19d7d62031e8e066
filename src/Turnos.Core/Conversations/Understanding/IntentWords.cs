namespace Turnos.Core.Conversations;

/// <summary>The words and phrases behind each intent, folded (no accents, lowercase, ñ kept).</summary>
internal static class IntentWords
{
    /// <summary>Consumed before anything else, so "buenas tardes" is not an afternoon and "hasta mañana" not tomorrow.</summary>
    public static readonly Phrases Greetings = new(
        "hola", "holis", "holas", "buenas", "buen dia", "buenos dias", "buenas tardes", "buenas noches", "hey", "ey", "alo",
        "hi", "hello", "que tal", "como estas", "como esta", "como va", "como andas", "como andan", "buenas buenas");

    public static readonly Phrases Farewells = new(
        "gracias", "muchas gracias", "mil gracias", "agradezco", "te agradezco", "chau", "chao", "chaucito", "adios",
        "hasta luego", "hasta mañana", "hasta pronto", "nos vemos", "nos vemos mañana", "saludos", "bye",
        "que tengas buen dia", "que tengas buena tarde", "buen finde", "besos", "abrazo");

    public static readonly Phrases Human = new(
        "humano", "humana", "una persona", "persona real", "con alguien", "alguien real", "operador", "operadora",
        "asesor", "asesora", "agente", "representante", "encargado", "encargada", "atencion al cliente",
        "recepcionista", "un ser humano", "dueño", "dueña", "sos un bot", "sos un robot", "hablar con el local");

    public static readonly Phrases Cancel = new(
        "cancel*", "anul*", "dar de baja", "no voy a poder ir", "no puedo ir", "no voy a ir", "no voy a poder asistir",
        "no voy a poder", "suspender", "suspenderlo", "borrar el turno", "borrar mi turno", "eliminar el turno",
        "eliminar mi turno", "borrame el turno", "dejar sin efecto");

    public static readonly Phrases Reschedule = new(
        "reprogram*", "posterg*", "reagend*", "cambiar el", "cambiar mi", "cambiar la", "cambiar para", "cambiar a",
        "cambiar de turno", "cambiar de horario", "cambiar de dia", "cambiar de fecha", "cambiar de hora", "cambiarlo", "cambiarla", "cambialo", "cambiala", "cambiame",
        "cambio el", "cambio mi", "cambio la", "un cambio", "cambio de turno", "cambio de horario", "cambio de dia",
        "cambio de fecha", "mover", "moverlo", "moverla", "movelo", "movela", "moveme", "pasarlo", "pasarla", "pasalo",
        "pasala", "pasar el turno", "pasar mi turno", "correrlo", "correrla", "correlo", "correla", "correr el turno",
        "correr mi turno", "lo pasas", "la pasas", "lo podes pasar", "lo puedo pasar", "lo podemos pasar", "pasamelo",
        "cambiamelo", "lo cambias", "lo moves", "lo puedo mover", "lo podes mover", "lo podemos mover", "lo puedo cambiar",
        "lo podes cambiar", "adelantar", "adelantarlo", "adelantalo", "atrasar", "atrasarlo", "atrasalo", "otro horario para mi turno");

    public static readonly Phrases Availability = new(
        "horario", "horarios", "lugar", "lugares", "disponible", "disponibles", "disponibilidad", "libre", "libres",
        "hueco", "huecos", "espacio", "hay turno", "hay turnos", "tenes turno", "tenes turnos", "tienen turno",
        "tienen turnos", "tendras turno", "tendrian turno", "hay algo", "tenes algo", "tienen algo", "que hay",
        "tenes para", "tienen para", "hay para", "cuando puedo", "cuando hay", "cuando tenes", "cuando tienen",
        "que dias", "que dia", "a que hora", "que hora", "que horas", "atienden", "abren", "abierto", "abiertos", "agenda");

    public static readonly Phrases Price = new(
        "cuanto sale", "cuanto salen", "cuanto cuesta", "cuanto cuestan", "cuanto cobran", "cuanto cobras",
        "cuanto esta", "cuanto es", "cuanto vale", "cuanto valen", "cuanto seria", "cuanto me sale", "cuanto me cobran",
        "cuanto tarda", "cuanto dura", "cuanto", "precio", "precios", "valor", "valores", "costo", "costos", "tarifa",
        "tarifas", "lista de precios", "servicio", "servicios", "que hacen", "hacen", "que ofrecen", "ofrecen", "que tienen", "catalogo", "menu");

    public static readonly Phrases Book = new(
        "turno", "turnos", "reservar", "reserva", "reservame", "reservo", "reservarme", "agendar", "agendame",
        "agendarme", "sacar", "pedir", "anotar", "anotame", "anotarme", "cita", "quiero", "quisiera", "queria",
        "necesito", "me gustaria", "hacerme", "me haces", "me podes", "me pueden", "podria");

    public static readonly Phrases Yes = new(
        "si", "sip", "sisi", "ok", "dale", "perfecto", "de una", "listo", "confirmo", "confirmado", "confirmar",
        "confirmalo", "confirmame", "correcto", "esta bien", "me sirve", "me viene bien", "me queda bien", "afirmativo",
        "exacto", "de acuerdo", "claro", "por supuesto", "obvio", "yes", "vamos", "reservalo", "agendalo", "hacelo", "seguro");

    /// <summary>Only a yes when a confirmation or a choice was asked: elsewhere they are small talk.</summary>
    public static readonly Phrases WeakYes = new(
        "bueno", "genial", "joya", "barbaro", "buenisimo", "excelente", "esa", "ese", "eso", "me gusta", "ideal", "re bien");

    public static readonly Phrases No = new("no", "nop", "nope", "nah", "na", "nel", "negativo");

    public static readonly Phrases NoPhrases = new(
        "mejor no", "no gracias", "para nada", "ni ahi", "no me sirve", "no me queda", "no me viene", "no puedo",
        "todavia no", "por ahora no", "ahora no", "tampoco", "ninguno", "ninguna", "de ninguna manera", "no quiero", "creo que no");

    public static IEnumerable<string> Words =>
        new[] { Greetings, Farewells, Human, Cancel, Reschedule, Availability, Price, Book, Yes, WeakYes, No, NoPhrases }
            .SelectMany(p => p.Words);
}
