using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Turnos.Functions.Storage;

/// <summary>
/// Operations on one table. Expected outcomes (404, 409, 412) come back as <see cref="TableOutcome"/>;
/// anything else after retries throws <see cref="TableStorageException"/>.
/// </summary>
public sealed partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly HttpPipeline _pipeline;
    private readonly string _serviceUrl;
    private readonly string _tableUrl;

    internal TableClient(HttpPipeline pipeline, Uri serviceUri, string name)
    {
        _pipeline = pipeline;
        _serviceUrl = serviceUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _tableUrl = _serviceUrl + "/" + name;
        Name = name;
    }

    public string Name { get; }

    public async Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Post, _serviceUrl + "/Tables");
        SetJsonBody(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, "CreateTable", ct).ConfigureAwait(false);
        if (TableResponses.IsSuccess(response.Status))
        {
            return;
        }

        // TableAlreadyExists is also what a retried create answers when the first attempt did create it;
        // TableBeingDeleted is not success: the table is about to vanish.
        var code = TableResponses.ErrorCodeOf(response);
        if (response.Status != 409 || code == "TableBeingDeleted")
        {
            throw new TableStorageException("CreateTable", Name, response.Status, code);
        }
    }

    public async Task<TableResult> InsertAsync(TableEntity entity, CancellationToken ct = default)
    {
        TableKeys.Validate(entity);
        using var message = CreateMessage(RequestMethod.Post, _tableUrl);
        SetJsonBody(message, TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return ToResult(await SendAsync(message, "Insert", ct).ConfigureAwait(false), "Insert");
    }

    public Task<TableResult> UpsertAsync(TableEntity entity, bool merge = false, CancellationToken ct = default) =>
        WriteAsync(merge ? Merge : RequestMethod.Put, entity, ifMatch: null, merge ? "InsertOrMerge" : "InsertOrReplace", ct);

    public Task<TableResult> ReplaceAsync(TableEntity entity, string ifMatch = "*", CancellationToken ct = default) =>
        WriteAsync(RequestMethod.Put, entity, RequireIfMatch(ifMatch), "Replace", ct);

    public Task<TableResult> MergeAsync(TableEntity entity, string ifMatch = "*", CancellationToken ct = default) =>
        WriteAsync(Merge, entity, RequireIfMatch(ifMatch), "Merge", ct);

    public async Task<TableResult> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, EntityUrl(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", RequireIfMatch(ifMatch));
        return ToResult(await SendAsync(message, "Delete", ct).ConfigureAwait(false), "Delete");
    }

    /// <summary>Point read; null when the entity does not exist.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken ct = default)
    {
        using var message = CreateMessage(RequestMethod.Get, EntityUrl(partitionKey, rowKey));
        AppendSelect(message, select);
        var response = await SendAsync(message, "Get", ct).ConfigureAwait(false);
        if (response.Status == 200)
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            return TableEntityJson.Deserialize(json.RootElement, TableResponses.ETagOf(response));
        }

        return ToResult(response, "Get").Outcome == TableOutcome.NotFound
            ? null
            : throw new TableStorageException("Get", Name, response.Status, TableResponses.ErrorCodeOf(response));
    }

    private async Task<TableResult> WriteAsync(RequestMethod method, TableEntity entity, string? ifMatch, string operation, CancellationToken ct)
    {
        TableKeys.Validate(entity);
        using var message = CreateMessage(method, EntityUrl(entity.PartitionKey, entity.RowKey));
        SetJsonBody(message, TableEntityJson.Serialize(entity));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        return ToResult(await SendAsync(message, operation, ct).ConfigureAwait(false), operation);
    }

    private string EntityUrl(string partitionKey, string rowKey) => _tableUrl + TableKeys.EntityPath(partitionKey, rowKey);
}
