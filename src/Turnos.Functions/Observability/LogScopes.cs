using System.Collections;
using Turnos.Functions.Booking;

namespace Turnos.Functions.Observability;

/// <summary>
/// Logging scopes that put who a log line is about on every line written inside them — in the JSON console, as
/// OpenTelemetry log attributes and in any provider that reads scopes — without the customer's phone number.
/// </summary>
public static class LogScopes
{
    public const string BusinessId = "BusinessId";
    public const string ConversationId = "ConversationId";
    public const string MessageSid = "MessageSid";

    /// <summary>The conversation's id in logs: the first 16 hex digits of its row key in the <c>conversations</c>
    /// table (a SHA-256 of the phone number), so a log line leads to the row without naming the phone.</summary>
    public static string ConversationIdOf(string customerPhone) => AppointmentStore.HashedKey("", customerPhone)[..16];

    /// <summary>An inbound message's scope. The business is a scope of its own (<see cref="BeginBusiness"/>),
    /// because a message to a shared number learns it only later.</summary>
    public static IDisposable? BeginMessage(this ILogger logger, string customerPhone, string messageSid) =>
        logger.BeginScope(new LogScope([new(ConversationId, ConversationIdOf(customerPhone)), new(MessageSid, messageSid)]));

    /// <summary>A conversation activity's scope: the same three names, from the conversation's key (never the phone).</summary>
    public static IDisposable? BeginTurn(this ILogger logger, string businessId, string customerKey, string messageSid) =>
        logger.BeginScope(new LogScope([new(BusinessId, businessId), new(ConversationId, customerKey[..16]), new(MessageSid, messageSid)]));

    /// <summary>Names the business the lines inside are about.</summary>
    public static IDisposable? BeginBusiness(this ILogger logger, string businessId) =>
        logger.BeginScope(new LogScope([new(BusinessId, businessId)]));
}

/// <summary>Scope state as name/value pairs (what structured providers read) that also prints readably
/// (what the simple console shows), unlike a dictionary.</summary>
public sealed class LogScope(IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] => values[index];

    public int Count => values.Count;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', values.Select(v => $"{v.Key}:{v.Value}"));
}

/// <summary>Shortens personal values that a log line needs a hint of.</summary>
public static class LogRedaction
{
    /// <summary><c>lucia.fernandez@gmail.com</c> → <c>l***@gmail.com</c>; anything that is not an address is kept.</summary>
    public static string Email(string value) =>
        value.IndexOf('@') is > 0 and var at ? value[0] + "***" + value[at..] : value;
}
