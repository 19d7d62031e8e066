using Azure;
using Azure.Core;

namespace Turnos.Functions.Storage;

/// <summary>Request construction, sending and status mapping shared by every operation.</summary>
public sealed partial class TableClient
{
    private HttpMessage CreateMessage(RequestMethod method, string url)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(url));
        request.Headers.SetValue("x-ms-version", TableProtocol.Version);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", TableProtocol.JsonMinimalMetadata);
        return message;
    }

    private static void SetJsonBody(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(body);
    }

    private static void AppendSelect(HttpMessage message, IEnumerable<string>? select)
    {
        if (select is not null && string.Join(',', select) is { Length: > 0 } columns)
        {
            message.Request.Uri.AppendQuery("$select", columns);
        }
    }

    private async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken ct)
    {
        try
        {
            await _pipeline.SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested
            && ex is RequestFailedException or AggregateException or OperationCanceledException)
        {
            // Network failures and timeouts that outlived the retries are an outage, like a 5xx.
            throw new TableStorageException(operation, Name, 0, null, ex);
        }

        return message.Response;
    }

    private TableResult ToResult(Response response, string operation)
    {
        if (TableResponses.IsSuccess(response.Status))
        {
            return new(TableOutcome.Success, TableResponses.ETagOf(response));
        }

        var code = TableResponses.ErrorCodeOf(response);
        return Classify(response.Status, code) is { } outcome
            ? new(outcome, null)
            : throw new TableStorageException(operation, Name, response.Status, code);
    }

    // A missing table is a deployment bug, not a missing entity: it throws instead of reading as NotFound.
    internal static TableOutcome? Classify(int status, string? errorCode) => (status, errorCode) switch
    {
        (404, TableResponses.TableNotFound) => null,
        (404, _) => TableOutcome.NotFound,
        (409, "TableBeingDeleted" or "TableAlreadyExists") => null,
        (409, _) => TableOutcome.Conflict,
        (412, _) => TableOutcome.PreconditionFailed,
        _ => null,
    };

    private static string RequireIfMatch(string ifMatch) =>
        string.IsNullOrWhiteSpace(ifMatch) ? throw new ArgumentException("If-Match must be an ETag or \"*\".", nameof(ifMatch)) : ifMatch;
}
