namespace Turnos.Functions.Storage;

/// <summary>
/// An answer from Table Storage that is neither success nor an expected outcome (404/409/412), after
/// retries: a bug or an outage. The message carries the operation, table, status and error code only:
/// never keys, entity contents or account secrets.
/// </summary>
public sealed class TableStorageException : Exception
{
    public TableStorageException(string operation, string? table, int status, string? errorCode, Exception? inner = null)
        : base(Describe(operation, table, status, errorCode), inner)
    {
        Operation = operation;
        Table = table;
        Status = status;
        ErrorCode = errorCode;
    }

    public string Operation { get; }

    public string? Table { get; }

    /// <summary>HTTP status; 0 when no response arrived (network failure or timeout after retries).</summary>
    public int Status { get; }

    /// <summary>The service's error code, e.g. <c>TableNotFound</c>, <c>InvalidInput</c>, <c>AuthorizationFailure</c>.</summary>
    public string? ErrorCode { get; }

    private static string Describe(string operation, string? table, int status, string? errorCode)
    {
        var where = table is null ? operation : $"{operation} on table '{table}'";
        var what = status == 0 ? "got no response" : $"failed with HTTP {status}";
        return errorCode is null ? $"Table Storage {where} {what}." : $"Table Storage {where} {what} ({errorCode}).";
    }
}
