using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

/// <summary>Point writes and reads through the SDK, with 404/409/412 as outcomes, against Azurite.</summary>
[Collection("Azurite")]
public sealed class TableOutcomeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TryAdd_Duplicate_ReturnsConflict()
    {
        var table = await azurite.NewTableAsync("write");
        var first = await table.TryAddAsync(new TableEntity("p", "r"));

        var second = await table.TryAddAsync(new TableEntity("p", "r"));

        Assert.True(first.IsSuccess);
        Assert.NotNull(first.ETag);
        Assert.Equal(TableOutcome.Conflict, second.Outcome);
    }

    [Fact]
    public async Task TryUpdate_StaleETag_ReturnsPreconditionFailedAndKeepsValue()
    {
        var table = await azurite.NewTableAsync("write");
        var first = await table.TryAddAsync(new TableEntity("p", "r") { ["V"] = "one" });
        await table.TryUpdateAsync(new TableEntity("p", "r") { ["V"] = "two" }, first.ETag!.Value);

        var stale = await table.TryUpdateAsync(new TableEntity("p", "r") { ["V"] = "three" }, first.ETag!.Value);

        Assert.Equal(TableOutcome.PreconditionFailed, stale.Outcome);
        Assert.Equal("two", (await table.FindAsync("p", "r"))!.GetString("V"));
    }

    [Fact]
    public async Task TryUpdate_CurrentETag_ReplacesWholeEntityWithNewETag()
    {
        var table = await azurite.NewTableAsync("write");
        var first = await table.TryAddAsync(new TableEntity("p", "r") { ["V"] = "one", ["Other"] = 1 });

        var replaced = await table.TryUpdateAsync(new TableEntity("p", "r") { ["V"] = "two" }, first.ETag!.Value);
        var read = await table.FindAsync("p", "r");

        Assert.True(replaced.IsSuccess);
        Assert.NotEqual(first.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, read!.ETag);
        Assert.Equal("two", read.GetString("V"));
        Assert.False(read.ContainsKey("Other"));
    }

    [Fact]
    public async Task TryUpdate_MissingEntity_ReturnsNotFound()
    {
        var table = await azurite.NewTableAsync("write");

        var result = await table.TryUpdateAsync(new TableEntity("p", "nobody") { ["V"] = 1 }, ETag.All);

        Assert.Equal(TableOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task TryUpdate_MergeMode_KeepsOtherProperties()
    {
        var table = await azurite.NewTableAsync("write");
        var first = await table.TryAddAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 });

        var merged = await table.TryUpdateAsync(new TableEntity("p", "r") { ["B"] = 2, ["C"] = true }, first.ETag!.Value, TableUpdateMode.Merge);
        var read = await table.FindAsync("p", "r");

        Assert.True(merged.IsSuccess);
        Assert.Equal("a", read!.GetString("A"));
        Assert.Equal(2, read.GetInt32("B"));
        Assert.True(read.GetBoolean("C"));
    }

    [Theory]
    [InlineData(TableUpdateMode.Replace, null)]
    [InlineData(TableUpdateMode.Merge, "a")]
    public async Task TryUpsert_Twice_InsertsThenReplacesOrMerges(TableUpdateMode mode, string? keptA)
    {
        var table = await azurite.NewTableAsync("write");

        var created = await table.TryUpsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 }, mode);
        var updated = await table.TryUpsertAsync(new TableEntity("p", "r") { ["B"] = 2 }, mode);
        var read = await table.FindAsync("p", "r");

        Assert.True(created.IsSuccess);
        Assert.True(updated.IsSuccess);
        Assert.Equal(keptA, read!.GetString("A"));
        Assert.Equal(2, read.GetInt32("B"));
    }

    [Fact]
    public async Task TryDelete_StaleETag_ReturnsPreconditionFailedAndKeepsEntity()
    {
        var table = await azurite.NewTableAsync("write");
        var first = await table.TryAddAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.TryUpdateAsync(new TableEntity("p", "r") { ["V"] = 2 }, ETag.All, TableUpdateMode.Merge);

        var result = await table.TryDeleteAsync("p", "r", first.ETag!.Value);

        Assert.Equal(TableOutcome.PreconditionFailed, result.Outcome);
        Assert.NotNull(await table.FindAsync("p", "r"));
    }

    [Fact]
    public async Task TryDelete_Missing_ReturnsNotFound()
    {
        var table = await azurite.NewTableAsync("write");

        var result = await table.TryDeleteAsync("p", "nobody", ETag.All);

        Assert.Equal(TableOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Find_MissingOrSelected_ReturnsNullOrOnlyTheSelectedProperties()
    {
        var table = await azurite.NewTableAsync("write");
        await table.TryAddAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 });

        var missing = await table.FindAsync("p", "nobody");
        var read = await table.FindAsync("p", "r", ["A"]);

        Assert.Null(missing);
        Assert.Equal("a", read!.GetString("A"));
        Assert.Null(read.GetInt32("B"));
    }

    [Theory]
    [InlineData("a'b", "x''y")]
    [InlineData("con espacio", "100% + más")]
    [InlineData("business|+5491122334455", "ñandú&=,()")]
    [InlineData("", "")]
    public async Task PointOperations_KeysNeedingEscapes_Work(string partitionKey, string rowKey)
    {
        var table = await azurite.NewTableAsync("write");

        var added = await table.TryAddAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        var read = await table.FindAsync(partitionKey, rowKey);
        var replaced = await table.TryUpdateAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, added.ETag!.Value);
        var deleted = await table.TryDeleteAsync(partitionKey, rowKey, replaced.ETag!.Value);

        Assert.True(added.IsSuccess);
        Assert.Equal(partitionKey, read!.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.True(replaced.IsSuccess);
        Assert.True(deleted.IsSuccess);
        Assert.Null(await table.FindAsync(partitionKey, rowKey));
    }

    [Fact]
    public async Task Operations_TableDoesNotExist_ThrowWithTheServiceCode()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("missing"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.TryAddAsync(new TableEntity("p", "r")));

        Assert.Equal("TableNotFound", error.ErrorCode);
    }
}
