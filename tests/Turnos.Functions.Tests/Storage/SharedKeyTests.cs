using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class SharedKeyTests(AzuriteFixture azurite)
{
    private const string Date = "Wed, 01 Jul 2026 12:00:00 GMT";

    [Fact]
    public void BuildStringToSign_PathStyleUrl_RepeatsAccountAndOmitsQuery()
    {
        var uri = new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables?$top=5");

        var stringToSign = TableSharedKeyPolicy.BuildStringToSign("GET", null, null, Date, "devstoreaccount1", uri);

        Assert.Equal($"GET\n\n\n{Date}\n/devstoreaccount1/devstoreaccount1/Tables", stringToSign);
    }

    [Fact]
    public void BuildStringToSign_EntityUrl_KeepsPathEncodedAndIncludesContentType()
    {
        var uri = new Uri("https://acct.table.core.windows.net/mytable(PartitionKey='a%27%27b',RowKey='r')");

        var stringToSign = TableSharedKeyPolicy.BuildStringToSign("put", null, "application/json", Date, "acct", uri);

        Assert.Equal($"PUT\n\napplication/json\n{Date}\n/acct/mytable(PartitionKey='a%27%27b',RowKey='r')", stringToSign);
    }

    [Fact]
    public void BuildStringToSign_CompParameter_IsAppended()
    {
        var uri = new Uri("https://acct.table.core.windows.net/mytable?timeout=5&comp=acl");

        var stringToSign = TableSharedKeyPolicy.BuildStringToSign("GET", null, null, Date, "acct", uri);

        Assert.EndsWith("\n/acct/mytable?comp=acl", stringToSign);
    }

    // Expected signatures computed independently with `openssl dgst -sha256 -mac HMAC` over the same strings.
    [Theory]
    [InlineData($"GET\n\n\n{Date}\n/devstoreaccount1/devstoreaccount1/Tables", "gzhA4L8hIufS9CeugFiwkzeudZEQrzedPHM0tapP8FY=")]
    [InlineData($"PUT\n\napplication/json\n{Date}\n/acct/mytable(PartitionKey='a%27%27b',RowKey='r')", "J7JqWZ+9NdRtk0Xv8CUdRLB36uPC8vGxD9YkrfD+7iM=")]
    public void Sign_KnownVector_MatchesOpenSsl(string stringToSign, string expected)
    {
        var key = Convert.FromBase64String(AzuriteProcess.AccountKey);

        Assert.Equal(expected, TableSharedKeyPolicy.Sign(key, stringToSign));
    }

    [Fact]
    public async Task Request_WrongAccountKey_IsRejectedByAzurite()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var client = new TableServiceClient(new Uri($"http://127.0.0.1:{azurite.Port}/devstoreaccount1"), "devstoreaccount1", wrongKey);

        var error = await Assert.ThrowsAsync<TableStorageException>(
            () => client.GetTableClient(azurite.NewTableName("wrongkey")).CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
        Assert.DoesNotContain(wrongKey, error.ToString());
    }

    [Fact]
    public async Task Request_WellKnownKeyThroughExplicitConstructor_IsAccepted()
    {
        var client = new TableServiceClient(
            new Uri($"http://127.0.0.1:{azurite.Port}/devstoreaccount1/"), "devstoreaccount1", AzuriteProcess.AccountKey);
        var table = client.GetTableClient(azurite.NewTableName("rightkey"));

        await table.CreateIfNotExistsAsync();

        Assert.True((await table.InsertAsync(new TableEntity("p", "r"))).IsSuccess);
    }
}
