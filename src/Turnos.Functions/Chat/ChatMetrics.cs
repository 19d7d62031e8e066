using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Turnos.Core.Conversations;
using Turnos.Functions.Health;
using Turnos.Functions.LanguageModel;
using Turnos.Functions.Observability;

namespace Turnos.Functions.Chat;

/// <summary>
/// The source system's metric names (Agent Citas v2), kept on <c>/api/metrics</c> so its gateway's dashboards keep working:
/// chat requests by <c>empresa_id</c>, bookings made and refused through the chat, the work done for it as the
/// "tools" the source system's model called, the chat's response time in seconds, and the agent's info. On the app's
/// own meter, beside its <c>turnos_*</c> metrics.
/// </summary>
public sealed class ChatMetrics
{
    public const string CheckAvailability = "check_availability", CreateBooking = "create_booking", CancelBooking = "cancel_booking",
        RescheduleBooking = "reschedule_booking", SearchServices = "search_productos_servicios";

    private static readonly double[] Seconds = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
    private readonly Counter<long> _requests, _booked, _failed, _tools;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _info;
    private readonly string _model;
    private int _announced;

    public ChatMetrics(TurnosMetrics metrics, IOptions<OpenAIOptions> openAI)
    {
        var meter = metrics.Meter;
        _requests = meter.CreateCounter<long>("agent_citas_chat_requests", "{request}", "Chat requests by empresa_id (the business's externalId).");
        _booked = meter.CreateCounter<long>("agent_citas_booking_success", "{booking}", "Appointments booked through the chat.");
        _failed = meter.CreateCounter<long>("agent_citas_booking_failed", "{booking}", "Chat bookings refused, by reason.");
        _tools = meter.CreateCounter<long>("agent_citas_tool_calls", "{call}",
            "Work done for chat turns under the source system's tool names (check_availability, create_booking, …).");
        _duration = meter.CreateHistogram("agent_citas_chat_response_duration", "s", "Time to answer a chat request.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds });
        _info = meter.CreateUpDownCounter<long>("agent_citas_info", "1", "The agent: its type, the language model (or rules) and the version.");
        _model = openAI.Value.Enabled ? openAI.Value.Model : "rules";
    }

    /// <summary>Sets the info series (value 1) once the metrics collector listens (see <see cref="ChatMetricsStart"/>); later calls do nothing.</summary>
    public void Announce()
    {
        if (Interlocked.Exchange(ref _announced, 1) == 0)
            _info.Add(1, Tag("agent_type", "citas"), Tag("model", _model), Tag("version", HealthFunctions.Version));
    }

    public void Answered(long empresaId, TimeSpan elapsed)
    {
        _requests.Add(1, Tag("empresa_id", empresaId));
        _duration.Record(elapsed.TotalSeconds);
    }

    /// <summary>A chat turn understood: asking about times is the source system's availability check, about prices its
    /// catalog search.</summary>
    public void Understood(Understanding u)
    {
        if (u.Intent == Intent.Price) Tool(SearchServices);
        else if (u.Intent == Intent.Availability || u.Date is not null || u.Time is not null) Tool(CheckAvailability);
    }

    /// <summary>A chat turn's effect and how it went.</summary>
    public void Effect(TurnEffect effect, EffectOutcome outcome)
    {
        switch (effect)
        {
            case TurnEffect.Book:
                Tool(CreateBooking);
                if (outcome is EffectOutcome.Booked) _booked.Add(1);
                else _failed.Add(1, Tag("reason", outcome is EffectOutcome.SlotLost { Reason: { } why } ? TurnosMetrics.Wire(why) : "slot_unavailable"));
                break;
            case TurnEffect.Cancel:
                Tool(CancelBooking);
                break;
            case TurnEffect.Reschedule:
                Tool(RescheduleBooking);
                break;
        }
    }

    private void Tool(string name) => _tools.Add(1, Tag("tool_name", name));

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
