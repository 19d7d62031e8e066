using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Core.Notices;
using Turnos.Functions.Businesses;
using Turnos.Functions.Calendar;
using Turnos.Functions.Chat;
using Turnos.Functions.Notices;
using Turnos.Functions.Observability;
using Turnos.Functions.Reminders;
using static Turnos.Functions.Conversations.Orchestration.TurnRedaction;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// The conversation's I/O, as activities: each takes and returns JSON text (see <see cref="JsonActivityCalls"/>)
/// and is safe to run more than once. They find the customer's phone by the conversation's key in the
/// <c>conversations</c> table and hand the orchestrator nothing that holds it.
/// </summary>
public sealed partial class ConversationActivities(
    ConversationStore conversations, ConversationPhotos keptPhotos, CatalogStore catalog, IUnderstandingService understanding, TurnFactsLoader factsLoader,
    TurnEffects effects, ConversationReplies outbound, ChatMetrics chatMetrics, ConversationInbox inbox, CalendarStarter calendar, ReminderStarter reminders,
    NoticeStarter notices, TimeProvider time, ILogger<ConversationActivities> logger)
{
    public const string Next = "ConversationNext";
    public const string Done = "ConversationDone";
    public const string Prepare = "ConversationPrepare";
    public const string Effect = "ConversationEffect";
    public const string Finish = "ConversationFinish";
    public const string Send = "ConversationSend";

    /// <summary>The oldest message waiting in the conversation's inbox, or null.</summary>
    [Function(Next)]
    public async Task<string> NextAsync([ActivityTrigger] string input, CancellationToken ct) =>
        JsonActivityCalls.Write(await inbox.NextAsync(JsonActivityCalls.Read<ConversationRef>(input), ct));

    /// <summary>Takes a message out of the inbox without a turn (a repeat, or one whose turn failed).</summary>
    [Function(Done)]
    public async Task<string> DoneAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<TurnRequest>(input);
        await inbox.RemoveAsync(request.Conversation, request.Message, ct);
        return JsonActivityCalls.Write(true);
    }

    /// <summary>Loads the conversation and the customer, understands the message and loads the facts, the clock included.</summary>
    [Function(Prepare)]
    public async Task<string> PrepareAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<TurnRequest>(input);
        using var scope = BeginTurn(request.Conversation, request.Message);
        var (state, _) = await LoadAsync(request.Conversation, ct);
        var snapshot = await catalog.GetSnapshotAsync(request.Conversation.BusinessId, ct)
            ?? throw new InvalidOperationException($"Business '{request.Conversation.BusinessId}' does not exist.");
        // A chat request's persona texts are its reply's voice.
        if (request.Message.Persona is { } persona)
            snapshot = new BusinessSnapshot(snapshot.Business with { Persona = persona.Over(snapshot.Business.Persona) }, snapshot.Services,
                snapshot.Professionals, snapshot.Blocks);
        if (request.Message.Booking is { } booking) (snapshot, state) = (booking.Apply(snapshot), booking.Apply(state, snapshot));
        var known = await factsLoader.LoadCustomerAsync(snapshot.Business.Id, state, ct);
        var now = time.GetUtcNow();
        // A reminder sent after the customer's last message is what their message answers ("1", "cancelar").
        var expecting = ConversationEngine.Expecting(state, known.Reminder);
        var attached = request.Message.Attachments ?? [];
        var photos = attached.Where(a => Attachments.IsImage(a.ContentType)).Take(Attachments.MaxImages).ToList();
        var understood = await understanding.UnderstandAsync(new UnderstandingContext(request.Message.Text, LocalTime.ToLocal(now, snapshot.Business.TimeZone),
            snapshot, expecting, state.Language, Attachments.Of(attached.Select(a => a.ContentType))), photos, ct);
        var facts = await factsLoader.LoadAsync(snapshot, state, understood, known, now, ct);
        // Photos no model looked at wait for a person of the business (the turn flags the conversation for one).
        if (photos.Count > 0 && understood.PhotoSummary is null)
            await keptPhotos.KeepAsync(request.Conversation.BusinessId, request.Conversation.CustomerKey, photos, now, ct);
        LogUnderstood(request.Conversation.BusinessId, understood.Intent, understood.Source, expecting);
        if (request.Message.BusinessNumber == ChatChannel.Sender) chatMetrics.Understood(understood);
        return JsonActivityCalls.Write(new PreparedTurn(Redact(state, request.Conversation), understood, facts with
        {
            Channel = request.Message.BusinessNumber switch { ChatChannel.Sender => Channel.ChatApi, Widget.WidgetChannel.Sender => Channel.Web, _ => Channel.WhatsApp },
            Upcoming = facts.Upcoming?.Select(Redact).ToList(),
            Reminder = facts.Reminder is { } r ? r with { Appointment = Redact(r.Appointment) } : null,
        }));
    }

    /// <summary>Books, cancels, confirms or moves; idempotent (a booking by the message's sid), so a retried activity finds its
    /// own work. Then starts the appointment's calendar update without waiting for Google.</summary>
    /// <remarks>Started here, not by the orchestrator: this is where the change has just been committed and a
    /// <c>[DurableClient]</c> can be had, the same start the admin API makes. The SDK's orchestration context has no
    /// fire-and-forget start, and a sub-orchestration would hold the customer's reply until Google answered.</remarks>
    [Function(Effect)]
    public async Task<string> EffectAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<EffectRequest>(input);
        using var scope = BeginTurn(request.Conversation, request.Message);
        var phone = await PhoneAsync(request.Conversation, ct);
        var state = request.State with { CustomerPhone = phone };
        var message = new InboundMessage(request.Conversation.BusinessId, phone, null, request.Message.Text, request.Message.MessageSid);
        var outcome = await effects.RunAsync(request.Effect, state, message, ct, request.Message.Booking?.ValidDuration);
        if (ChatChannel.IsChat(phone)) chatMetrics.Effect(request.Effect, outcome);
        if (Changed(outcome) is var (appointmentId, kind))
        {
            await calendar.StartAsync(client, message.BusinessId, appointmentId, ct);
            await reminders.StartAsync(client, message.BusinessId, appointmentId, ct);
            await notices.StartAsync(client, message.BusinessId, appointmentId, kind, ct);
        }
        return JsonActivityCalls.Write(Redact(outcome));
    }

    private static (string AppointmentId, NoticeKind Kind)? Changed(EffectOutcome outcome) => outcome switch
    {
        EffectOutcome.Booked b => (b.Appointment.Id, NoticeKind.New),
        EffectOutcome.Cancelled c => (c.Appointment.Id, NoticeKind.Cancelled),
        EffectOutcome.Rescheduled r => (r.Replacement.Id, NoticeKind.Moved),
        _ => null,
    };

    /// <summary>Ends a turn: saves the conversation, sends the replies and takes the message out of the inbox, in that
    /// order, so a retry finds the state saved and sends only what did not go out. Returns whether another message
    /// waits in the inbox.</summary>
    [Function(Finish)]
    public async Task<string> FinishAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<FinishRequest>(input);
        using var scope = BeginTurn(request.Conversation, request.Message);
        var phone = await PhoneAsync(request.Conversation, ct);
        await conversations.SaveAsync(request.State with { CustomerPhone = phone }, ct);
        await SendAsync(request.Conversation, request.Message, phone, request.Replies, ct);
        await inbox.RemoveAsync(request.Conversation, request.Message, ct);
        return JsonActivityCalls.Write(await inbox.NextAsync(request.Conversation, ct) is not null);
    }

    /// <summary>Sends replies outside a turn (the apology for one that failed).</summary>
    [Function(Send)]
    public async Task<string> SendAsync([ActivityTrigger] string input, CancellationToken ct)
    {
        var request = JsonActivityCalls.Read<RepliesRequest>(input);
        using var scope = BeginTurn(request.Conversation, request.Message);
        var phone = await PhoneAsync(request.Conversation, ct);
        return JsonActivityCalls.Write(await SendAsync(request.Conversation, request.Message, phone, request.Replies, ct));
    }

    private async Task<int> SendAsync(ConversationRef conversation, ConversationMessage message, string phone, IReadOnlyList<string> replies, CancellationToken ct)
    {
        var sent = await outbound.SendAsync(message.MessageSid, message.BusinessNumber, phone, replies, ct);
        LogAnswered(message.MessageSid, conversation.BusinessId, replies.Count);
        return sent;
    }

    private IDisposable? BeginTurn(ConversationRef conversation, ConversationMessage message) =>
        logger.BeginTurn(conversation.BusinessId, conversation.CustomerKey, message.MessageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn in {BusinessId}: {Intent} ({Source}), expecting {Expecting}")]
    private partial void LogUnderstood(string businessId, Intent intent, UnderstandingSource source, Expectation expecting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageSid} in {BusinessId} answered with {Replies} replies")]
    private partial void LogAnswered(string messageSid, string businessId, int replies);

    private async Task<(ConversationState State, string Phone)> LoadAsync(ConversationRef conversation, CancellationToken ct) =>
        await conversations.LoadByKeyAsync(conversation.BusinessId, conversation.CustomerKey, ct) ?? throw MissingRow();

    // The effect and the end of the turn need only the phone, not the whole conversation again.
    private async Task<string> PhoneAsync(ConversationRef conversation, CancellationToken ct) =>
        await conversations.PhoneOfAsync(conversation.BusinessId, conversation.CustomerKey, ct) ?? throw MissingRow();

    private static InvalidOperationException MissingRow() =>
        new("The conversation's row is missing: the hand-over creates it before the first message.");
}
