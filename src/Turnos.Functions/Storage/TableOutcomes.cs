using Azure;

namespace Turnos.Functions.Storage;

/// <summary>The answers of the Table service that callers are expected to handle; anything else stays a
/// <see cref="RequestFailedException"/> (after the SDK's retries).</summary>
public enum TableOutcome
{
    Success,
    NotFound,
    Conflict,
    PreconditionFailed,
}

/// <summary>One write's outcome, and the new ETag when it succeeded and the service sent one.</summary>
public readonly record struct TableResult(TableOutcome Outcome, ETag? ETag)
{
    public bool IsSuccess => Outcome == TableOutcome.Success;
}

/// <summary>
/// An entity-group transaction's outcome. On failure nothing was written; <see cref="FailedIndex"/> is the
/// position of the action the service rejected (null if it did not say).
/// </summary>
public readonly record struct TableBatchResult(TableOutcome Outcome, int? FailedIndex)
{
    public bool IsSuccess => Outcome == TableOutcome.Success;
}
