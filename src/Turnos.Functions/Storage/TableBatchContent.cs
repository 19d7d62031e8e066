using System.Text;
using System.Text.RegularExpressions;

namespace Turnos.Functions.Storage;

/// <summary>
/// The multipart/mixed body of an entity-group transaction ($batch with a single changeset) and the
/// parsing of its multipart response. Operations get 1-based Content-IDs, the numbering Azurite uses too.
/// </summary>
internal static partial class TableBatchContent
{
    private const string Crlf = "\r\n";

    public static (byte[] Body, string ContentType) Build(IReadOnlyList<TableOperation> operations, string tableUrl)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append(Crlf).Append(Crlf);

        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var (method, hasBody, ifMatch) = Describe(operation);
            var url = operation.Kind == TableOperationKind.Insert
                ? tableUrl
                : tableUrl + TableKeys.EntityPath(operation.Entity.PartitionKey, operation.Entity.RowKey);

            text.Append("--").Append(changeset).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf)
                .Append("Content-ID: ").Append(i + 1).Append(Crlf).Append(Crlf)
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1").Append(Crlf)
                .Append("Accept: ").Append(TableProtocol.JsonMinimalMetadata).Append(Crlf)
                .Append("DataServiceVersion: 3.0").Append(Crlf);
            if (ifMatch is not null)
            {
                text.Append("If-Match: ").Append(ifMatch).Append(Crlf);
            }

            if (operation.Kind == TableOperationKind.Insert)
            {
                text.Append("Prefer: return-no-content").Append(Crlf);
            }

            if (hasBody)
            {
                // Compact JSON stays on one line, which Azurite's batch parser relies on.
                var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(operation.Entity));
                text.Append("Content-Type: application/json").Append(Crlf).Append(Crlf).Append(json).Append(Crlf);
            }
            else
            {
                text.Append(Crlf);
            }
        }

        text.Append("--").Append(changeset).Append("--").Append(Crlf)
            .Append("--").Append(batch).Append("--").Append(Crlf);
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/mixed; boundary=" + batch);
    }

    private static (string Method, bool HasBody, string? IfMatch) Describe(TableOperation operation) => operation.Kind switch
    {
        TableOperationKind.Insert => ("POST", true, null),
        TableOperationKind.Upsert => ("PUT", true, null),
        TableOperationKind.UpsertMerge => ("MERGE", true, null),
        TableOperationKind.Replace => ("PUT", true, operation.IfMatch ?? "*"),
        TableOperationKind.Merge => ("MERGE", true, operation.IfMatch ?? "*"),
        TableOperationKind.Delete => ("DELETE", false, operation.IfMatch ?? "*"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown operation kind."),
    };

    public sealed record InnerResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>The HTTP responses inside a multipart body, in order, descending into nested changesets.</summary>
    public static List<InnerResponse> Parse(string body, string contentType)
    {
        var responses = new List<InnerResponse>();
        var boundary = BoundaryOf(contentType) ?? throw new FormatException("The batch response has no multipart boundary.");
        foreach (var part in SplitParts(body, boundary))
        {
            var (mimeHeaders, content) = SplitHeaders(part, 0);
            if (mimeHeaders.TryGetValue("Content-Type", out var partType) && partType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                responses.AddRange(Parse(string.Join('\n', part.Skip(content)), partType));
                continue;
            }

            var statusLine = part.FindIndex(content, line => line.StartsWith("HTTP/", StringComparison.Ordinal));
            if (statusLine < 0)
            {
                continue;
            }

            var status = int.Parse(part[statusLine].Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
            var (headers, bodyStart) = SplitHeaders(part, statusLine + 1);
            responses.Add(new InnerResponse(status, headers, string.Join('\n', part.Skip(bodyStart)).Trim()));
        }

        return responses;
    }

    public static string? BoundaryOf(string contentType)
    {
        var match = BoundaryPattern().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static List<List<string>> SplitParts(string body, string boundary)
    {
        var parts = new List<List<string>>();
        List<string>? current = null;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line == "--" + boundary + "--")
            {
                break;
            }

            if (line == "--" + boundary)
            {
                current = [];
                parts.Add(current);
            }
            else
            {
                current?.Add(line);
            }
        }

        return parts;
    }

    // Headers from `start` up to the first empty line; returns them and the index just past that line.
    private static (Dictionary<string, string> Headers, int Next) SplitHeaders(List<string> lines, int start)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = start;
        for (; i < lines.Count && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0)
            {
                headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        return (headers, Math.Min(i + 1, lines.Count));
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();
}
