using System.Diagnostics;
using Turnos.Core.Conversations;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Observability;

namespace Turnos.Functions.LanguageModel;

/// <summary>The default understanding: Spanish and English rules, no network.</summary>
public sealed class RulesUnderstandingService(TurnosMetrics metrics) : IUnderstandingService
{
    public Task<Understanding> UnderstandAsync(UnderstandingContext context, IReadOnlyList<MessageAttachment> photos, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var understood = RulesUnderstanding.Understand(context);
        metrics.Understood(UnderstandingSources.Rules, Stopwatch.GetElapsedTime(started));
        return Task.FromResult(understood);
    }
}
