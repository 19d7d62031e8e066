namespace Turnos.Core.Conversations;

/// <summary>The English words and phrases behind each intent, folded (lowercase, no accents, apostrophes kept).</summary>
internal static class EnglishIntentWords
{
    /// <summary>Consumed first, so "good afternoon" is no afternoon.</summary>
    public static readonly Phrases Greetings = new(
        "hi", "hello", "hey", "hiya", "howdy", "hi there", "hello there", "hey there", "good morning", "good afternoon",
        "good evening", "morning all", "hola", "how are you", "how are you doing", "how's it going", "greetings");

    public static readonly Phrases Farewells = new(
        "thanks", "thank you", "thanks a lot", "thank you so much", "thanks so much", "many thanks", "much appreciated",
        "appreciate it", "cheers", "bye", "goodbye", "bye bye", "see you", "see ya", "see you then", "see you soon",
        "take care", "have a nice day", "have a good day", "have a great day", "gracias", "ta");

    /// <summary>Leave-takings that end a chat even when they name a day ("see you on Friday").</summary>
    public static readonly Phrases Goodbyes = new(
        "bye", "goodbye", "bye bye", "see you", "see ya", "see you then", "see you soon", "take care", "have a nice day",
        "have a good day", "have a great day", "talk soon", "catch you later");

    public static readonly Phrases Human = new(
        "human", "a human", "real person", "a person", "talk to someone", "speak to someone", "speak with someone",
        "talk with someone", "talk to somebody", "speak to somebody", "agent", "operator", "representative", "receptionist",
        "the owner", "manager", "the manager", "staff member", "customer service", "are you a bot", "are you a robot",
        "is this a bot", "are you real", "live person", "call me");

    public static readonly Phrases Cancel = new(
        "cancel*", "call off", "can't make it", "cannot make it", "won't make it", "can't come", "cannot come", "won't be able to come",
        "won't be able to make it", "not going to make it", "delete my appointment", "remove my appointment", "drop my appointment",
        "cancellation");

    public static readonly Phrases Reschedule = new(
        "reschedul*", "re-schedul*", "postpon*", "push back", "push it", "move it", "move my", "move the", "change my",
        "change the", "change it", "bring forward", "bring it forward", "switch my", "switch it", "shift my",
        "another time for my", "a different time for my", "different day for my", "move to", "can we move", "could we move",
        "can i move", "could i move", "can i change", "could i change", "can we change");

    /// <summary>Verbs of moving, which with an appointment word ("can you move the appointment") make a reschedule.</summary>
    public static readonly Phrases MoveVerbs = new("move", "moving", "change", "changing", "switch", "shift", "push", "swap", "rebook");

    public static readonly Phrases AppointmentWords = new("appointment", "booking", "reservation", "slot", "the one on", "my one");

    /// <summary>A move: a reschedule phrase, or a moving verb together with an appointment word.</summary>
    public static bool IsMove(Utterance u) => u.Has(Reschedule) || (u.Has(MoveVerbs) && u.Has(AppointmentWords));

    public static readonly Phrases OpenClose = new("open", "opens", "opening", "close", "closes", "closing", "closed");

    /// <summary>Questions about opening hours, not free times: "what time do you close on Saturday?".</summary>
    public static readonly Phrases Hours = new(
        "open", "opens", "opening", "close", "closes", "closing", "closed", "opening hours", "opening times", "business hours",
        "your hours", "what are your hours", "what hours", "working hours", "holiday", "holidays", "bank holiday", "until what time");

    /// <summary>Slot questions: "do you have anything tomorrow?", "any availability on Friday?".</summary>
    private static readonly string[] SlotWords =
    [
        "available", "availability", "free", "any slots", "a slot", "slot", "slots", "spot", "spots", "openings",
        "room", "space", "do you have anything", "have anything", "anything", "do you have time", "have time", "any time",
        "when can i", "when could i", "when can you", "when are you free", "what's free", "fit me in", "squeeze me in",
    ];

    public static readonly Phrases Slots = new(SlotWords);

    /// <summary>Slot words plus the general ones ("what time…?", "what times"), which the hours words outrank.</summary>
    public static readonly Phrases Availability = new([.. SlotWords, "what time", "what times", "which times", "what days", "which days", "times"]);

    public static readonly Phrases Price = new(
        "how much", "price", "prices", "pricing", "cost", "costs", "rate", "rates", "price list", "charge", "fee", "fees",
        "what services", "services", "what do you do", "what do you offer", "menu", "how long", "how long does", "what do you have");

    public static readonly Phrases Book = new(
        "book", "booking", "appointment", "reserve", "reservation", "schedule", "make an appointment", "i want", "i'd like",
        "i would like", "i need", "can i get", "could i get", "can i have", "could i have", "get a", "looking for", "want",
        "need", "like to", "sign me up", "put me down", "come in", "pop in", "drop by", "set up");

    public static readonly Phrases Yes = new(
        "yes", "yeah", "yep", "yup", "yes please", "sure", "ok", "alright", "all right", "sounds good", "perfect", "great",
        "confirm", "confirmed", "correct", "that's right", "right", "absolutely", "definitely", "of course", "please do",
        "go ahead", "book it", "works for me", "that works", "fine", "good", "si", "exactly", "yes it is");

    /// <summary>Only a yes when a confirmation or a choice was asked.</summary>
    public static readonly Phrases WeakYes = new("cool", "nice", "awesome", "that one", "this one", "lovely", "brilliant", "ideal", "excellent");

    public static readonly Phrases No = new("no", "nope", "nah", "negative", "not");

    public static readonly Phrases NoPhrases = new(
        "no thanks", "no thank you", "not really", "never mind", "nevermind", "i don't think so", "doesn't work", "does not work",
        "don't book", "not now", "not good", "that won't work", "won't work", "neither", "none", "none of them", "wrong", "incorrect",
        "i can't", "i cannot", "not that one");

    public static IEnumerable<string> Words =>
        new[] { Greetings, Farewells, Goodbyes, Human, Cancel, Reschedule, MoveVerbs, AppointmentWords, Hours, Availability, Price, Book, Yes, WeakYes, No, NoPhrases }
            .SelectMany(p => p.Words);
}
