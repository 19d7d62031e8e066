using Turnos.Core.Conversations;
using Turnos.Functions.Conversations;

namespace Turnos.Functions.LanguageModel;

/// <summary>The default understanding: Spanish rules, no network.</summary>
public sealed class RulesUnderstandingService : IUnderstandingService
{
    public Task<Understanding> UnderstandAsync(UnderstandingContext context, CancellationToken ct) =>
        Task.FromResult(RulesUnderstanding.Understand(context));
}
