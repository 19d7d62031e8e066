using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("crud"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task InsertThenGet_EverySupportedType_RoundTrips()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 29, 1, 30, 15, TimeSpan.FromHours(-3)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "hola, ¿qué tal? 'comillas' \"dobles\" {llaves}",
            ["Int"] = 42,
            ["Long"] = 9_000_000_000_123L,
            ["SmallLong"] = 7L,
            ["Flag"] = true,
            ["Ratio"] = 2.0,
            ["Fraction"] = 0.1,
            ["When"] = when,
            ["WhenUtc"] = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Missing"] = null,
        };

        var inserted = await table.InsertAsync(entity);
        var read = await table.GetAsync("p", "r");

        Assert.True(inserted.IsSuccess);
        Assert.NotNull(inserted.ETag);
        Assert.NotNull(read);
        Assert.Equal(inserted.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("p", read.PartitionKey);
        Assert.Equal("r", read.RowKey);
        Assert.Equal(entity["Text"], read["Text"]);
        Assert.Equal(42, Assert.IsType<int>(read["Int"]));
        Assert.Equal(9_000_000_000_123L, Assert.IsType<long>(read["Long"]));
        Assert.Equal(7L, Assert.IsType<long>(read["SmallLong"]));
        Assert.True(Assert.IsType<bool>(read["Flag"]));
        Assert.Equal(2.0, Assert.IsType<double>(read["Ratio"]));
        Assert.Equal(0.1, Assert.IsType<double>(read["Fraction"]));
        Assert.Equal(when, Assert.IsType<DateTimeOffset>(read["When"]));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), read.GetDateTimeOffset("WhenUtc"));
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, Assert.IsType<byte[]>(read["Bytes"]));
        Assert.False(read.ContainsKey("Missing"));
    }

    [Theory]
    [InlineData("a'b", "x''y")]
    [InlineData("con espacio", "100% + más")]
    [InlineData("business|+5491122334455", "ñandú&=,()")]
    [InlineData("", "")]
    public async Task PointOperations_KeysNeedingEscapes_Work(string partitionKey, string rowKey)
    {
        var table = await NewTableAsync();

        var inserted = await table.InsertAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        var read = await table.GetAsync(partitionKey, rowKey);
        var replaced = await table.ReplaceAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, inserted.ETag!);
        var deleted = await table.DeleteAsync(partitionKey, rowKey, replaced.ETag!);

        Assert.True(inserted.IsSuccess);
        Assert.Equal(partitionKey, read!.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.True(replaced.IsSuccess);
        Assert.True(deleted.IsSuccess);
        Assert.Null(await table.GetAsync(partitionKey, rowKey));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    public async Task Insert_KeyWithForbiddenCharacter_ThrowsArgumentException(string key)
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(new TableEntity("p", key)));
        Assert.DoesNotContain(key, error.Message);
    }

    [Fact]
    public async Task Insert_Duplicate_ReturnsConflict()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r"));

        var second = await table.InsertAsync(new TableEntity("p", "r"));

        Assert.Equal(TableOutcome.Conflict, second.Outcome);
        Assert.False(second.IsSuccess);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetAsync("p", "nobody"));
    }

    [Fact]
    public async Task Get_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 });

        var read = await table.GetAsync("p", "r", ["A"]);

        Assert.Equal("a", read!.GetString("A"));
        Assert.False(read.ContainsKey("B"));
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public async Task Operations_TableDoesNotExist_ThrowTableNotFound()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("missing"));

        var get = await Assert.ThrowsAsync<TableStorageException>(() => table.GetAsync("p", "r"));
        var insert = await Assert.ThrowsAsync<TableStorageException>(() => table.InsertAsync(new TableEntity("p", "r")));
        var delete = await Assert.ThrowsAsync<TableStorageException>(() => table.DeleteAsync("p", "r"));

        Assert.All([get, insert, delete], e => Assert.Equal(404, e.Status));
        Assert.All([get, insert, delete], e => Assert.Equal("TableNotFound", e.ErrorCode));
    }

    [Fact]
    public async Task CreateIfNotExists_CalledTwice_Succeeds()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("twice"));

        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();

        Assert.True((await table.InsertAsync(new TableEntity("p", "r"))).IsSuccess);
    }

    [Fact]
    public void GetTableClient_InvalidName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => azurite.Tables.GetTableClient("1abc"));
        Assert.Throws<ArgumentException>(() => azurite.Tables.GetTableClient("ab"));
        Assert.Throws<ArgumentException>(() => azurite.Tables.GetTableClient("has-dash"));
    }
}
