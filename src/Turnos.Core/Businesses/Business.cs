namespace Turnos.Core.Businesses;

/// <summary>A business that takes appointments. Several share one deployment.</summary>
public sealed record Business(
    string Id,
    string Name,
    string TimeZoneId,
    IReadOnlyList<string> WhatsAppNumbers,
    string? Address,
    BookingPolicy Policy,
    string Currency)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>How the assistant presents itself to this business's customers.</summary>
    public Persona Persona { get; init; } = Persona.Default;

    /// <summary>Add a Google Meet link to calendar events (for consultants who meet online).</summary>
    public bool MeetLinks { get; init; }

    /// <summary>Where the platform reaches the business (not shown to customers).</summary>
    public string? Email { get; init; }

    /// <summary>The default weekly hours of professionals who do not set their own.</summary>
    public WeeklyHours Hours { get; init; } = WeeklyHours.Closed;

    /// <summary>The languages the assistant answers in; the first is the business's own, used for any other.</summary>
    public IReadOnlyList<Language> Languages { get; init; } = LanguageCodes.Default;

    /// <summary>The business's number in the source system's gateway (<c>id_empresa</c> of <c>POST /api/chat</c>); unique.</summary>
    public long? ExternalId { get; init; }

    /// <summary>What the source system's gateway books when the customer names no service ("una reunión"): one of the
    /// business's services. Null: the chat asks which, as WhatsApp does.</summary>
    public string? ChatServiceId { get; init; }

    /// <summary>Which sites may embed the business's web chat widget.</summary>
    public WebChat WebChat { get; init; } = WebChat.Open;

    /// <summary>Approved WhatsApp templates for the messages Turnos starts (reminders).</summary>
    public WhatsAppTemplates Templates { get; init; } = WhatsAppTemplates.None;
}

/// <summary>
/// The assistant's voice for one business: what customers read (Spanish). Null texts use the defaults;
/// <see cref="Greeting"/> and <see cref="Farewell"/> may say {negocio} and {bot}.
/// </summary>
public sealed record Persona(
    string BotName = "Turnos",
    string? Greeting = null,
    string? Farewell = null,
    string? UnknownPhrase = null)
{
    public static Persona Default { get; } = new();

    /// <summary>The same voice in English (the bot's name stays); null texts use the English defaults.</summary>
    public PersonaTexts? En { get; init; }
}

/// <summary>A persona's texts in another language; they may say {business} (or {negocio}) and {bot}.</summary>
public sealed record PersonaTexts(string? Greeting = null, string? Farewell = null, string? UnknownPhrase = null);

/// <summary>How a business lets customers book. Minutes throughout.</summary>
public sealed record BookingPolicy(
    int SlotIntervalMinutes = 30,
    int MinimumNoticeMinutes = 60,
    int MaximumHorizonDays = 60,
    int BufferBeforeMinutes = 0,
    int BufferAfterMinutes = 0)
{
    /// <summary>When a customer cannot give an email after being asked three times, book without one instead of
    /// handing the chat to a person. Off by default: the email is where the calendar invitation goes.</summary>
    public bool AllowBookingWithoutEmail { get; init; }

    public static readonly IReadOnlySet<int> AllowedIntervals = new HashSet<int> { 15, 30, 60 };

    /// <summary>A day before and two hours before, unless the business says otherwise.</summary>
    public static readonly IReadOnlyList<int> DefaultReminders = [1440, 120];

    /// <summary>When customers are reminded of an appointment, in minutes before its start, earliest first; empty: never.</summary>
    public IReadOnlyList<int> RemindersMinutesBefore { get; init; } = DefaultReminders;

    // A list compares by reference; two policies that say the same are equal.
    public bool Equals(BookingPolicy? other) =>
        other is not null && (SlotIntervalMinutes, MinimumNoticeMinutes, MaximumHorizonDays, BufferBeforeMinutes, BufferAfterMinutes, AllowBookingWithoutEmail)
            == (other.SlotIntervalMinutes, other.MinimumNoticeMinutes, other.MaximumHorizonDays, other.BufferBeforeMinutes, other.BufferAfterMinutes,
                other.AllowBookingWithoutEmail)
        && RemindersMinutesBefore.SequenceEqual(other.RemindersMinutesBefore);

    public override int GetHashCode() =>
        HashCode.Combine(SlotIntervalMinutes, MinimumNoticeMinutes, MaximumHorizonDays, BufferBeforeMinutes, BufferAfterMinutes, RemindersMinutesBefore.Count);
}
