using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;

namespace Turnos.Functions.Storage;

public sealed partial class TableClient
{
    private const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    private const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    /// <summary>
    /// One page of a query (at most 1,000 entities, fewer and even none when the service stops at a
    /// partition boundary or a time limit). A non-null <see cref="TablePage.ContinuationToken"/> means more may follow.
    /// </summary>
    public async Task<TablePage> QueryPageAsync(
        string? filter,
        IEnumerable<string>? select = null,
        int? pageSize = null,
        string? continuationToken = null,
        CancellationToken ct = default)
    {
        if (pageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), "Page size must be between 1 and 1000.");
        }

        using var message = CreateMessage(RequestMethod.Get, _tableUrl + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        AppendSelect(message, select);
        if (pageSize is { } top)
        {
            uri.AppendQuery("$top", top.ToString(CultureInfo.InvariantCulture));
        }

        if (continuationToken is not null)
        {
            var (nextPartitionKey, nextRowKey) = DecodeToken(continuationToken);
            uri.AppendQuery("NextPartitionKey", nextPartitionKey);
            if (nextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", nextRowKey);
            }
        }

        var response = await SendAsync(message, "Query", ct).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw new TableStorageException("Query", Name, response.Status, TableResponses.ErrorCodeOf(response));
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var items = new List<TableEntity>();
        if (json.RootElement.TryGetProperty("value", out var value))
        {
            foreach (var element in value.EnumerateArray())
            {
                items.Add(TableEntityJson.Deserialize(element));
            }
        }

        response.Headers.TryGetValue(NextPartitionKeyHeader, out var nextPk);
        response.Headers.TryGetValue(NextRowKeyHeader, out var nextRk);
        return new TablePage(items, string.IsNullOrEmpty(nextPk) ? null : EncodeToken(nextPk, nextRk));
    }

    /// <summary>All matching entities, following continuation tokens page by page.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var columns = select?.ToArray();
        string? token = null;
        do
        {
            var page = await QueryPageAsync(filter, columns, pageSize, token, ct).ConfigureAwait(false);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    // One opaque string for callers; the two service tokens are escaped so the separator cannot collide.
    private static string EncodeToken(string nextPartitionKey, string? nextRowKey) =>
        Uri.EscapeDataString(nextPartitionKey) + " " + (nextRowKey is null ? "" : Uri.EscapeDataString(nextRowKey));

    private static (string NextPartitionKey, string? NextRowKey) DecodeToken(string token)
    {
        var parts = token.Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            throw new ArgumentException("The continuation token is not one this client produced.", nameof(token));
        }

        return (Uri.UnescapeDataString(parts[0]), parts[1].Length == 0 ? null : Uri.UnescapeDataString(parts[1]));
    }
}
