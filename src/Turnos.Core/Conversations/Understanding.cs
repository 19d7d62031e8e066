using System.Text.Json.Serialization;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>What the customer wants with this message. The names match the command-line contract
/// (book, availability, price, cancel, reschedule, confirm_yes, confirm_no, greet, thanks, human, hours, other).
/// New values go last: states and histories store them as numbers.</summary>
public enum Intent { Other, Greet, Book, Availability, Price, Cancel, Reschedule, ConfirmYes, ConfirmNo, Thanks, Human, Hours }

/// <summary>What the assistant asked last, so a bare answer ("sí", "Juan", "la 2", "mañana") reads in context.
/// <see cref="Reminder"/>: a reminder went out after the customer's last message ("responde 1, 2 o 3"); it comes from the
/// facts (<see cref="ConversationEngine.Expecting"/>), never from the state.</summary>
public enum Expectation { None, Service, Date, Time, Professional, Name, Email, Confirmation, Choice, Business, WhichAppointment, Reminder }

/// <summary>Why a value that looked like an email was not taken.</summary>
public enum EmailProblem { Invalid, TooLong, LooksLikePhone }

/// <summary>Why an answer to "¿cómo te llamás?" was not taken as a name.</summary>
public enum NameProblem { TooShort, TooLong, HasDigits, InvalidCharacters }

/// <summary>A local time-of-day window ("a la tarde", "entre las 10 y las 12"); <see cref="To"/> exclusive.</summary>
public readonly record struct TimeWindow(TimeOnly From, TimeOnly To);

/// <summary>
/// What one message says, whoever understood it (rules or a language model). Ids refer to the business's
/// catalog; every value has been validated against it. Dates and times are the business's local ones.
/// </summary>
public sealed record Understanding
{
    public Intent Intent { get; init; } = Intent.Other;
    public DateOnly? Date { get; init; }

    /// <summary>The day an appointment is moved from ("pasame el turno del lunes al miércoles"): it picks which
    /// appointment when the customer has several; <see cref="Date"/> is the day it goes to.</summary>
    public DateOnly? FromDate { get; init; }
    public TimeOnly? Time { get; init; }
    public TimeWindow? TimeRange { get; init; }
    /// <summary>The service asked for; with several (<see cref="ServiceIds"/>), the first named.</summary>
    public string? ServiceId { get; init; }

    /// <summary>Every service named, in order ("corte y barba": one visit); empty when none, or when only
    /// <see cref="ServiceId"/> was set (see <see cref="Services"/>).</summary>
    public IReadOnlyList<string> ServiceIds { get; init; } = ValueList.Of<string>([]);

    /// <summary>The services asked for, in order: <see cref="ServiceIds"/>, else <see cref="ServiceId"/> alone.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Services => ServiceIds.Count > 0 ? ServiceIds : ServiceId is { } id ? [id] : [];
    public string? ProfessionalId { get; init; }

    /// <summary>"con cualquiera", "me da igual quién".</summary>
    public bool AnyProfessional { get; init; }

    /// <summary>Title-cased, validated (2–100 letters, spaces, hyphens, apostrophes).</summary>
    public string? Name { get; init; }
    public NameProblem? NameProblem { get; init; }

    /// <summary>The whole message read as a name when it plausibly is one (letters, 2–100 characters, a few
    /// words, no email or digits) even though it holds words the rules know: taken only after asking twice.</summary>
    public string? PlausibleName { get; init; }

    /// <summary>Lowercased, validated (RFC-style, at most 254 characters).</summary>
    public string? Email { get; init; }
    public EmailProblem? EmailProblem { get; init; }

    /// <summary>1-based pick among options the assistant listed ("la 2", "la segunda"); negative counts from the end
    /// ("la última" = -1, "la anteúltima" = -2).</summary>
    public int? Choice { get; init; }

    /// <summary>A business code, for a WhatsApp number shared by several businesses.</summary>
    public string? BusinessCode { get; init; }

    public UnderstandingSource Source { get; init; } = UnderstandingSource.Rules;

    /// <summary>The conversation's language after this message (detected, sticky, one of the business's); null: no
    /// opinion, the conversation keeps its own.</summary>
    public Language? Language { get; init; }

    /// <summary>What came with the message besides its words (from the context; null: nothing).</summary>
    public Attachments? Attachments { get; init; }

    /// <summary>What the message's photos show, as a language model that looked at them put it for the reply: a short
    /// phrase in the conversation's language that completes "Veo …" / "I can see …". Null when nobody looked at them.</summary>
    public string? PhotoSummary { get; init; }
}

public enum UnderstandingSource { Rules, LanguageModel }

/// <summary>
/// Everything an understanding needs: the text, the business's local wall-clock time now, its catalog
/// (services, professionals, hours — "a las 3" is read against them), what was asked last and the conversation's
/// language so far (null: none yet), which a message changes only when it clearly switches, and what came with the
/// message besides its words (null: nothing).
/// </summary>
public sealed record UnderstandingContext(string Text, DateTime LocalNow, BusinessSnapshot Business, Expectation Expecting = Expectation.None,
    Language? Language = null, Attachments? Attachments = null);
