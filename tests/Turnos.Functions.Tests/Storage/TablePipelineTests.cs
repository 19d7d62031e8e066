using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Tests.Storage;

/// <summary>Token auth and the app's retry options, through the SDK against an in-process HTTPS server (no emulator
/// speaks Azure AD).</summary>
public sealed class TablePipelineTests
{
    private const string EntityJson =
        """{"odata.etag":"W/\"datetime'2026-01-01T00%3A00%3A00.0000000Z'\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-01-01T00:00:00.0000000Z","Name":"Ana"}""";

    private static Task Entity(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json;odata=minimalmetadata;streaming=true;charset=utf-8";
        context.Response.Headers.ETag = "W/\"datetime'2026-01-01T00%3A00%3A00.0000000Z'\"";
        return context.Response.WriteAsync(EntityJson);
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Get_TokenCredential_SendsBearerTokenForStorageScope()
    {
        await using var server = await FakeTableServer.StartAsync((context, _) => Entity(context));
        var credential = new FakeCredential("token-123");
        var client = new TableServiceClient(server.BaseUri, credential, server.ClientOptions());

        var entity = await client.GetTableClient("people").FindAsync("p", "r");

        Assert.Equal("Ana", entity!.GetString("Name"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.StartsWith("/acct/people(PartitionKey='p',RowKey='r')", request.PathAndQuery);
        Assert.Equal("Bearer token-123", request.Headers["Authorization"]);
        Assert.Equal("acct", client.AccountName);
    }

    [Fact]
    public async Task Get_ServiceUnavailableTwice_RetriesAndSucceeds()
    {
        await using var server = await FakeTableServer.StartAsync((context, attempt) => attempt <= 2 ? Status(context, 503) : Entity(context));
        var client = new TableServiceClient(server.BaseUri, new FakeCredential("t"), server.ClientOptions());

        var entity = await client.GetTableClient("people").FindAsync("p", "r");

        Assert.Equal("Ana", entity!.GetString("Name"));
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Bearer t", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task Get_ServiceUnavailableBeyondRetries_ThrowsWithTheStatus()
    {
        await using var server = await FakeTableServer.StartAsync((context, _) => Status(context, 503));
        var options = server.ClientOptions();
        options.Retry.MaxRetries = 2;
        var client = new TableServiceClient(server.BaseUri, new FakeCredential("t"), options);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetTableClient("people").FindAsync("p", "r"));

        Assert.Equal(503, error.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task TrySubmit_ServiceUnavailableOnce_ResendsSameBodyAndSucceeds()
    {
        await using var server = await FakeTableServer.StartAsync((context, attempt) =>
            attempt == 1 ? Status(context, 503) : BatchAccepted(context));
        var client = new TableServiceClient(server.BaseUri, new FakeCredential("t"), server.ClientOptions());

        var result = await client.GetTableClient("people").TrySubmitAsync([TableActions.Add(new TableEntity("p", "r"))]);

        Assert.True(result.IsSuccess);
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("/acct/$batch", r.PathAndQuery));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Contains("POST https://127.0.0.1:", requests[0].Body);
    }

    private static Task BatchAccepted(HttpContext context)
    {
        context.Response.StatusCode = 202;
        context.Response.ContentType = "multipart/mixed; boundary=batchresponse_1";
        return context.Response.WriteAsync(
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_1\r\n\r\n" +
            "--changesetresponse_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 204 No Content\r\nContent-ID: 1\r\nETag: W/\"1\"\r\n\r\n\r\n" +
            "--changesetresponse_1--\r\n--batchresponse_1--\r\n");
    }

    private sealed class FakeCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
