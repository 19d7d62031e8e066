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
        "lo podes cambiar", "adelantar", "adelantarlo", "adelantalo", "atrasar", "atrasarlo", "atrasalo", "otro horario para mi turno",
        "pasame el turno", "pasame mi turno", "pasame la cita", "pasame la hora", "move", "moveme", "mueve", "mueva", "muevas", "muevan", "movi", "cambio lo", "cambiame el",
        "cambia el", "cambia mi", "cambie el", "cambie mi", "cambiar lo", "cambiar la cita", "cambiar mi cita", "mover la cita",
        "mover mi cita", "reprogramar la cita");

    /// <summary>Verbs of moving something, which with an appointment word ("me cambiás el turno", "pasar la cita")
    /// make a reschedule whatever their form.</summary>
    public static readonly Phrases MoveVerbs = new(
        "pasar", "pasas", "pasame", "pasarme", "pasarlo", "pasarla", "cambiar", "cambia", "cambias", "cambiame",
        "cambiarme", "cambio", "cambie", "mover", "move", "moves", "moveme", "mueve", "mueva", "muevas", "muevan", "correr",
        "corres", "correme", "reprogram*", "reagend*", "posterg*");

    public static readonly Phrases AppointmentWords = new("turno", "cita", "reserva", "lo del", "la del", "lo de", "el del");

    /// <summary>A move: a reschedule phrase, or a moving verb together with an appointment word.</summary>
    public static bool IsMove(Utterance u) => u.Has(Reschedule) || (u.Has(MoveVerbs) && u.Has(AppointmentWords));

    /// <summary>Opening and closing: with a time still a question about the hours ("¿cierran al mediodía?").</summary>
    public static readonly Phrases OpenClose = new(
        "cierran", "cierra", "cerrais", "cerras", "cerrado", "cerrados", "cerrada", "abren", "abre", "abris", "abrian",
        "abierto", "abiertos", "abierta", "abiertas");

    /// <summary>Leave-takings that end a chat even when they name a day ("nos vemos el viernes"); "gracias" alone
    /// does not (it often closes a booking answer).</summary>
    public static readonly Phrases Goodbyes = new(
        "nos vemos", "chau", "chao", "chaucito", "adios", "hasta luego", "hasta pronto", "hasta la proxima", "saludos", "bye",
        "besos", "abrazo", "que este bien", "que estes bien", "que esten bien", "que tengas buen dia", "buen finde");

    /// <summary>Questions about opening hours, not about free times: "¿a qué hora cierran?", "¿abren el feriado?".</summary>
    public static readonly Phrases Hours = new(
        "cierran", "cierra", "cerrais", "cerras", "cerrado", "cerrados", "cerrada", "abren", "abre", "abris", "abrian",
        "abierto", "abiertos", "abierta", "abiertas", "atienden", "atendes", "atiende", "atendeis", "trabajan", "trabajais",
        "horario de atencion", "horarios de atencion", "horario de apertura", "hasta que hora", "desde que hora",
        "feriado", "feriados", "festivo", "festivos", "dia festivo", "que dias abren", "que dias atienden");

    /// <summary>Ask for the hours only when nothing else in the message is about a booking ("¿qué horario tenéis?"
    /// is the hours; "¿qué horarios tenés mañana?" free times).</summary>
    public static readonly Phrases HoursWeak = new(
        "que horario", "cual es el horario", "cual es su horario", "cual es tu horario", "su horario",
        "sus horarios", "vuestro horario", "el horario", "los horarios", "tu horario", "tus horarios");

    /// <summary>Words that ask for a free slot, whatever else the message says.</summary>
    private static readonly string[] SlotWords =
    [
        "lugar", "lugares", "disponible", "disponibles", "disponibilidad", "libre", "libres",
        "hueco", "huecos", "espacio", "hay turno", "hay turnos", "tenes turno", "tenes turnos", "tienen turno",
        "tienen turnos", "tendras turno", "tendrian turno", "hay algo", "hay hora", "hay horas", "tiene hora", "tienen hora",
        "tenes hora", "tienes hora", "habra hora", "queda hora", "quedan horas", "tiene turno", "tiene turnos", "tiene lugar",
        "tiene algo", "tiene espacio", "tienes algo", "tienes turno", "tienes lugar", "teneis algo", "teneis hueco", "queda algo",
        "quedan turnos", "queda lugar", "esta libre", "estara libre", "tenes algo", "tienen algo", "que hay",
        "tenes para", "tienen para", "hay para", "cuando puedo", "cuando hay", "cuando tenes", "cuando tienen",
    ];

    public static readonly Phrases Slots = new(SlotWords);

    /// <summary>Slot words plus the general ones ("¿a qué hora…?", "horarios"), which the hours words outrank.</summary>
    public static readonly Phrases Availability = new([.. SlotWords, "horario", "horarios", "que dias", "que dia", "a que hora", "que hora", "que horas", "agenda"]);

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
        new[] { Greetings, Farewells, Goodbyes, Human, Cancel, Reschedule, MoveVerbs, Hours, HoursWeak, Availability, Price, Book, Yes, WeakYes, No, NoPhrases }
            .SelectMany(p => p.Words);
}
