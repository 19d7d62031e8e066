using System.Text.Json.Serialization;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>What the conversation is about right now.</summary>
public enum ConversationMode { None, Booking, Cancelling, Rescheduling }

/// <summary>What the customer has asked for so far, in the business's local time. <see cref="ServiceIds"/> holds every
/// service of a visit (two or more, in order; <see cref="ServiceId"/> is the first), null for one service.</summary>
public sealed record BookingDraft(
    string? ServiceId = null,
    string? ProfessionalId = null,
    bool AnyProfessional = false,
    DateOnly? Date = null,
    TimeOnly? Time = null,
    TimeWindow? TimeRange = null,
    IReadOnlyList<string>? ServiceIds = null)
{
    /// <summary>The services asked for, in order (empty before any).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Services => ServiceIds is { Count: > 1 } all ? all : ServiceId is { } id ? [id] : [];

    /// <summary>The draft for these services: one alone is a plain <see cref="ServiceId"/>.</summary>
    public BookingDraft WithServices(IReadOnlyList<string> ids) =>
        this with { ServiceId = ids[0], ServiceIds = ids.Count > 1 ? ValueList.Of(ids) : null };

    // By value, lists included: "was this asked already?" compares drafts across turns.
    public bool Equals(BookingDraft? other) =>
        other is not null && ServiceId == other.ServiceId && ProfessionalId == other.ProfessionalId && AnyProfessional == other.AnyProfessional
        && Date == other.Date && Time == other.Time && TimeRange == other.TimeRange && Services.SequenceEqual(other.Services);

    public override int GetHashCode() => HashCode.Combine(ServiceId, ProfessionalId, AnyProfessional, Date, Time, TimeRange, Services.Count);
}

/// <summary>A concrete start the assistant offered (alternatives, a list of free times, or the one to confirm). For a
/// visit split across professionals, <see cref="Team"/> names the professional of each service in order;
/// <see cref="ProfessionalId"/> is the first.</summary>
public sealed record OfferedSlot(string ProfessionalId, DateTimeOffset StartUtc, IReadOnlyList<string>? Team = null)
{
    public bool Equals(OfferedSlot? other) =>
        other is not null && ProfessionalId == other.ProfessionalId && StartUtc == other.StartUtc && (Team ?? []).SequenceEqual(other.Team ?? []);

    public override int GetHashCode() => HashCode.Combine(ProfessionalId, StartUtc, Team?.Count);
}

/// <summary>One of the customer's upcoming appointments, as listed to pick from; <see cref="ServiceIds"/> every service of
/// a visit (null for one), <see cref="Team"/> as in <see cref="OfferedSlot"/>.</summary>
public sealed record AppointmentChoice(string AppointmentId, string ServiceId, string ProfessionalId, DateTimeOffset StartUtc,
    IReadOnlyList<string>? ServiceIds = null, IReadOnlyList<string>? Team = null)
{
    [JsonIgnore]
    public IReadOnlyList<string> Services => ServiceIds is { Count: > 1 } all ? all : [ServiceId];

    public bool Equals(AppointmentChoice? other) =>
        other is not null && AppointmentId == other.AppointmentId && ServiceId == other.ServiceId && ProfessionalId == other.ProfessionalId
        && StartUtc == other.StartUtc && Services.SequenceEqual(other.Services) && (Team ?? []).SequenceEqual(other.Team ?? []);

    public override int GetHashCode() => HashCode.Combine(AppointmentId, StartUtc);
}

/// <summary>
/// The durable state of one conversation (business, customer phone). It is the orchestration's whole
/// memory: each inbound message advances it through <see cref="ConversationEngine"/>.
/// </summary>
public sealed record ConversationState
{
    public required string BusinessId { get; init; }
    public required string CustomerPhone { get; init; }
    public ConversationMode Mode { get; init; }
    public BookingDraft Draft { get; init; } = new();
    public Expectation Expecting { get; init; }
    public IReadOnlyList<OfferedSlot> Offered { get; init; } = [];
    public OfferedSlot? Pending { get; init; }
    public IReadOnlyList<AppointmentChoice> Appointments { get; init; } = [];
    public AppointmentChoice? Target { get; init; }

    /// <summary>The customer's profile: survives restarts of the conversation.</summary>
    public string? CustomerName { get; init; }
    public string? CustomerEmail { get; init; }

    /// <summary>How many times in a row the pending question was asked again without the conversation moving:
    /// the second time says why and gives an example, the third stops insisting.</summary>
    public int Repeats { get; init; }

    /// <summary>The question the last turn ended with (null: it asked nothing), so a repeat is told from a first ask.</summary>
    public Expectation? LastAsked { get; init; }

    /// <summary><see cref="Pending"/> answers "¿hay lugar…?": a yes means "book it", so name and email come next.</summary>
    public bool PendingIsOffer { get; init; }

    /// <summary>The last turn, after asking the same thing three times, offered a person: a yes hands the chat over.</summary>
    public bool HandoffOffered { get; init; }

    /// <summary>The customer goes on without email (after asking twice, when the business allows it).</summary>
    public bool WithoutEmail { get; init; }

    /// <summary>The language the customer writes in (one of the business's); null until they write something that says.
    /// Kept when the conversation starts over.</summary>
    public Language? Language { get; init; }

    /// <summary>The last reminder a turn has seen, answered or not, so an old "1" is never read as its answer again.
    /// Kept when the conversation starts over.</summary>
    public LastReminder? ReminderSeen { get; init; }

    public bool Greeted { get; init; }

    /// <summary>The customer waits for a person of the business (asked for one, or sent photos nobody looked at). Kept when
    /// the conversation starts over — a booking finished meanwhile does not answer them —, until someone of the business
    /// marks it attended (<see cref="Attended"/>).</summary>
    public bool HandoffRequested { get; init; }

    /// <summary>When the customer last asked for a person (or sent photos for one), so an attended mark older than it
    /// does not clear it.</summary>
    public DateTimeOffset? HandoffRequestedUtc { get; init; }

    /// <summary>Photos the customer sent that no model described, waiting for a person of the business (the conversation is
    /// flagged, <see cref="HandoffRequested"/>); the app keeps where they are for whoever takes over. Cleared with the flag.</summary>
    public int PhotosForPerson { get; init; }
    public int Turns { get; init; }
    public DateTimeOffset? LastActivityUtc { get; init; }

    public static ConversationState New(string businessId, string customerPhone) =>
        new() { BusinessId = businessId, CustomerPhone = customerPhone };

    /// <summary>A fresh conversation that remembers who the customer is.</summary>
    public ConversationState Restart() => New(BusinessId, CustomerPhone) with
    {
        HandoffRequested = HandoffRequested,
        HandoffRequestedUtc = HandoffRequestedUtc,
        PhotosForPerson = PhotosForPerson,
        CustomerName = CustomerName,
        CustomerEmail = CustomerEmail,
        Language = Language,
        ReminderSeen = ReminderSeen,
        Turns = Turns,
        LastActivityUtc = LastActivityUtc,
    };

    /// <summary>The conversation once someone of the business attended it at <paramref name="attendedUtc"/>: no longer
    /// waiting, unless the customer asked again after that.</summary>
    public ConversationState Attended(DateTimeOffset? attendedUtc) =>
        attendedUtc is { } at && HandoffRequested && (HandoffRequestedUtc is not { } asked || asked <= at)
            ? this with { HandoffRequested = false, HandoffRequestedUtc = null, PhotosForPerson = 0 }
            : this;
}
