using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Core;

namespace Turnos.Functions.Storage;

public sealed partial class TableClient
{
    public const int MaxBatchSize = 100;

    /// <summary>
    /// Runs the operations as one entity-group transaction: all of them are applied or none is.
    /// All entities must share a PartitionKey, at most 100 operations, each RowKey at most once.
    /// </summary>
    /// <remarks>
    /// Azure.Core retries this POST like any request (timeouts, 408, 429, 5xx); the body is a byte array,
    /// so it can be resent. If an attempt timed out after the service had committed it, the retry can
    /// answer Conflict (409) or PreconditionFailed (412) for a batch that did succeed. Callers that insert
    /// slot locks treat that like a lost race and re-read, which is the safe reading either way.
    /// </remarks>
    public async Task<TableBatchResult> SubmitBatchAsync(IReadOnlyList<TableOperation> operations, CancellationToken ct = default)
    {
        ValidateBatch(operations);
        var (body, contentType) = TableBatchContent.Build(operations, _tableUrl);
        using var message = CreateMessage(RequestMethod.Post, _serviceUrl + "/$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);

        var response = await SendAsync(message, "Batch", ct).ConfigureAwait(false);
        if (response.Status != 202
            || !response.Headers.TryGetValue("Content-Type", out var responseType)
            || TableBatchContent.BoundaryOf(responseType) is null)
        {
            throw new TableStorageException("Batch", Name, response.Status, TableResponses.ErrorCodeOf(response));
        }

        var inner = TableBatchContent.Parse(response.Content.ToString(), responseType);
        if (inner.Find(r => !TableResponses.IsSuccess(r.Status)) is { } failure)
        {
            var code = TableResponses.ErrorCodeOf(failure.Body);
            var outcome = Classify(failure.Status, code)
                ?? throw new TableStorageException("Batch", Name, failure.Status, code);
            return new TableBatchResult(outcome, FailedIndex(failure, operations.Count), []);
        }

        if (inner.Count != operations.Count)
        {
            throw new TableStorageException("Batch", Name, response.Status, "UnexpectedBatchResponse");
        }

        var etags = new string?[operations.Count];
        for (var i = 0; i < inner.Count; i++)
        {
            // Content-ID says which operation a response belongs to; fall back to order when it is absent.
            var index = ContentIndex(inner[i], operations.Count) ?? i;
            etags[index] = inner[i].Headers.TryGetValue("ETag", out var etag) ? etag : null;
        }

        return new TableBatchResult(TableOutcome.Success, null, etags);
    }

    private static void ValidateBatch(IReadOnlyList<TableOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > MaxBatchSize)
        {
            throw new ArgumentException($"A batch needs 1 to {MaxBatchSize} operations (got {operations.Count}).", nameof(operations));
        }

        var partitionKey = operations[0]?.Entity?.PartitionKey;
        foreach (var operation in operations)
        {
            ArgumentNullException.ThrowIfNull(operation?.Entity, nameof(operations));
            TableKeys.Validate(operation.Entity);
            if (!string.Equals(operation.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException("All operations of a batch must share one PartitionKey.", nameof(operations));
            }
        }
    }

    // Azure and Azurite prefix the error message with the 0-based index ("1:The specified entity already
    // exists."); the echoed Content-ID (1-based, as we sent it) is the fallback.
    private static int? FailedIndex(TableBatchContent.InnerResponse failure, int count)
    {
        var message = TableResponses.ErrorMessageOf(failure.Body);
        if (message is not null && IndexPrefix().Match(message) is { Success: true } match
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < count)
        {
            return index;
        }

        return ContentIndex(failure, count);
    }

    private static int? ContentIndex(TableBatchContent.InnerResponse response, int count) =>
        response.Headers.TryGetValue("Content-ID", out var id)
        && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var contentId)
        && contentId >= 1 && contentId <= count
            ? contentId - 1
            : null;

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
