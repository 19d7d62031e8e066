using Turnos.Functions.Storage;

namespace Turnos.Functions.Tests.Storage;

public sealed class TableConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3ODkw";

    [Fact]
    public void FromConnectionString_UseDevelopmentStorage_TargetsLocalAzurite()
    {
        var client = TableServiceClient.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), client.ServiceUri);
        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void FromConnectionString_AccountKeyAndSuffix_BuildsTableEndpoint()
    {
        var client = TableServiceClient.FromConnectionString(
            $"DefaultEndpointsProtocol=https;AccountName=turnosprod;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://turnosprod.table.core.windows.net"), client.ServiceUri);
        Assert.Equal("turnosprod", client.AccountName);
    }

    [Fact]
    public void Parse_NoProtocolOrSuffix_DefaultsToHttpsPublicCloud()
    {
        var parsed = TableConnectionString.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), parsed.TableEndpoint);
        Assert.Equal(Key, parsed.AccountKey);
    }

    [Fact]
    public void FromConnectionString_ExplicitTableEndpoint_UsesItAsIs()
    {
        var client = TableServiceClient.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:54321/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:54321/devstoreaccount1"), client.ServiceUri);
        Assert.Equal("devstoreaccount1", client.AccountName);
    }

    [Fact]
    public void Parse_TableEndpointWithoutAccountName_InfersAccountFromPath()
    {
        var parsed = TableConnectionString.Parse($"AccountKey={Key};TableEndpoint=http://127.0.0.1:10002/devstoreaccount1");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
    }

    [Fact]
    public void Parse_KeysAreCaseInsensitiveAndKeyKeepsPadding()
    {
        const string padded = "a2V5a2V5a2V5a2V5a2V5a2V5a2U=";
        var parsed = TableConnectionString.Parse($" accountname = acct ; ACCOUNTKEY={padded} ;");

        Assert.Equal("acct", parsed.AccountName);
        Assert.Equal(padded, parsed.AccountKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("AccountName=acct")]
    [InlineData("AccountName=acct;AccountKey=not*base64!" + Key)]
    [InlineData("AccountKey=" + Key)]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=not a uri")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp")]
    [InlineData("TableEndpoint=https://acct.table.core.windows.net;SharedAccessSignature=sv=2020&sig=" + Key)]
    public void FromConnectionString_Invalid_ThrowsArgumentExceptionWithoutKey(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => TableServiceClient.FromConnectionString(connectionString));

        Assert.StartsWith("Invalid Table Storage connection string", error.Message);
        Assert.DoesNotContain(Key, error.Message);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public void ToString_ParsedConnectionString_DoesNotPrintKey()
    {
        var parsed = TableConnectionString.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.DoesNotContain(Key, parsed.ToString());
    }
}
