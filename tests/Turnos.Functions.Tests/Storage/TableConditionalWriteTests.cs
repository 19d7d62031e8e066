using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

/// <summary>Replace, merge, upsert and delete, with and without optimistic concurrency.</summary>
[Collection("Azurite")]
public sealed class TableConditionalWriteTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("write"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Replace_StaleETag_ReturnsPreconditionFailedAndKeepsValue()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = "one" });
        await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = "two" }, first.ETag!);

        var stale = await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = "three" }, first.ETag!);

        Assert.Equal(TableOutcome.PreconditionFailed, stale.Outcome);
        Assert.Equal("two", (await table.GetAsync("p", "r"))!.GetString("V"));
    }

    [Fact]
    public async Task Replace_CurrentETag_SucceedsWithNewETag()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = "one", ["Other"] = 1 });

        var replaced = await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = "two" }, first.ETag!);
        var read = await table.GetAsync("p", "r");

        Assert.True(replaced.IsSuccess);
        Assert.NotEqual(first.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, read!.ETag);
        Assert.Equal("two", read.GetString("V"));
        Assert.False(read.ContainsKey("Other"));
    }

    [Fact]
    public async Task Replace_MissingEntity_ReturnsNotFound()
    {
        var table = await NewTableAsync();

        var result = await table.ReplaceAsync(new TableEntity("p", "nobody") { ["V"] = 1 });

        Assert.Equal(TableOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Merge_CurrentETag_KeepsOtherProperties()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 });

        var merged = await table.MergeAsync(new TableEntity("p", "r") { ["B"] = 2, ["C"] = true }, first.ETag!);
        var read = await table.GetAsync("p", "r");

        Assert.True(merged.IsSuccess);
        Assert.Equal("a", read!.GetString("A"));
        Assert.Equal(2, read.GetInt32("B"));
        Assert.True(read.GetBoolean("C"));
    }

    [Fact]
    public async Task Upsert_ReplaceMode_InsertsThenReplacesWholeEntity()
    {
        var table = await NewTableAsync();

        var created = await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 });
        var replaced = await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = 2 });
        var read = await table.GetAsync("p", "r");

        Assert.True(created.IsSuccess);
        Assert.True(replaced.IsSuccess);
        Assert.False(read!.ContainsKey("A"));
        Assert.Equal(2, read.GetInt32("B"));
    }

    [Fact]
    public async Task Upsert_MergeMode_InsertsThenMergesProperties()
    {
        var table = await NewTableAsync();

        var created = await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 1 }, merge: true);
        var merged = await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = 2 }, merge: true);
        var read = await table.GetAsync("p", "r");

        Assert.True(created.IsSuccess);
        Assert.True(merged.IsSuccess);
        Assert.Equal("a", read!.GetString("A"));
        Assert.Equal(2, read.GetInt32("B"));
    }

    [Fact]
    public async Task Delete_StaleETag_ReturnsPreconditionFailedAndKeepsEntity()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.MergeAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var result = await table.DeleteAsync("p", "r", first.ETag!);

        Assert.Equal(TableOutcome.PreconditionFailed, result.Outcome);
        Assert.NotNull(await table.GetAsync("p", "r"));
    }

    [Fact]
    public async Task Delete_Missing_ReturnsNotFound()
    {
        var table = await NewTableAsync();

        var result = await table.DeleteAsync("p", "nobody");

        Assert.Equal(TableOutcome.NotFound, result.Outcome);
    }
}
