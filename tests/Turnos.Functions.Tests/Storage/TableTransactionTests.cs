using Azure;
using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

/// <summary>Entity-group transactions through the SDK against Azurite: all or nothing, and which action failed.</summary>
[Collection("Azurite")]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private static Task<List<TableEntity>> AllAsync(TableClient table) => table.QueryAsync<TableEntity>().ToListAsync().AsTask();

    [Fact]
    public async Task TrySubmit_MixedActions_AppliesThemAll()
    {
        var table = await azurite.NewTableAsync("batch");
        var existing = await table.TryAddAsync(new TableEntity("p", "replace") { ["V"] = 1 });
        await table.TryAddAsync(new TableEntity("p", "delete"));

        var result = await table.TrySubmitAsync(
        [
            TableActions.Add(new TableEntity("p", "add") { ["V"] = 1 }),
            TableActions.Upsert(new TableEntity("p", "upsert") { ["V"] = 2 }),
            TableActions.Replace(new TableEntity("p", "replace") { ["V"] = 4 }, existing.ETag),
            TableActions.Delete("p", "delete"),
        ]);

        Assert.True(result.IsSuccess);
        Assert.Null(result.FailedIndex);
        Assert.Equal(["add", "replace", "upsert"], (await AllAsync(table)).Select(r => r.RowKey));
        Assert.Equal(4, (await table.FindAsync("p", "replace"))!.GetInt32("V"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task TrySubmit_OneConflictingAdd_ReturnsConflictAtItsIndexAndWritesNothing(int takenAt)
    {
        var table = await azurite.NewTableAsync("batch");
        await table.TryAddAsync(new TableEntity("p", "taken") { ["Owner"] = "first" });
        var actions = new List<TableTransactionAction>
        {
            TableActions.Add(new TableEntity("p", "a")),
            TableActions.Add(new TableEntity("p", "b")),
            TableActions.Add(new TableEntity("p", "c")),
        };
        actions[takenAt] = TableActions.Add(new TableEntity("p", "taken") { ["Owner"] = "second" });

        var result = await table.TrySubmitAsync(actions);

        Assert.Equal(TableOutcome.Conflict, result.Outcome);
        Assert.Equal(takenAt, result.FailedIndex);
        var rows = await AllAsync(table);
        Assert.Equal("taken", Assert.Single(rows).RowKey);
        Assert.Equal("first", rows[0].GetString("Owner"));
    }

    [Fact]
    public async Task TrySubmit_ReplaceWithStaleETag_ReturnsPreconditionFailedAndWritesNothing()
    {
        var table = await azurite.NewTableAsync("batch");
        var stale = await table.TryAddAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.TryUpdateAsync(new TableEntity("p", "r") { ["V"] = 2 }, ETag.All);

        var result = await table.TrySubmitAsync(
        [
            TableActions.Add(new TableEntity("p", "new")),
            TableActions.Replace(new TableEntity("p", "r") { ["V"] = 3 }, stale.ETag),
        ]);

        Assert.Equal(TableOutcome.PreconditionFailed, result.Outcome);
        Assert.Equal(1, result.FailedIndex);
        Assert.Null(await table.FindAsync("p", "new"));
        Assert.Equal(2, (await table.FindAsync("p", "r"))!.GetInt32("V"));
    }

    [Fact]
    public async Task TrySubmit_DeleteMissing_ReturnsNotFoundAndWritesNothing()
    {
        var table = await azurite.NewTableAsync("batch");

        var result = await table.TrySubmitAsync([TableActions.Add(new TableEntity("p", "a")), TableActions.Delete("p", "nobody")]);

        Assert.Equal(TableOutcome.NotFound, result.Outcome);
        Assert.Equal(1, result.FailedIndex);
        Assert.Null(await table.FindAsync("p", "a"));
    }

    [Fact]
    public async Task TrySubmit_HundredAddsWithKeysNeedingEscapes_AllWritten()
    {
        var table = await azurite.NewTableAsync("batch");
        const string partition = "negocio|o'hara";
        var actions = Enumerable.Range(0, 100)
            .Select(i => TableActions.Add(new TableEntity(partition, $"slot {i:D3} 'x' %20") { ["I"] = i }))
            .ToList();

        var result = await table.TrySubmitAsync(actions);

        Assert.True(result.IsSuccess);
        Assert.Equal(100, (await AllAsync(table)).Count);
        Assert.Equal(42, (await table.FindAsync(partition, "slot 042 'x' %20"))!.GetInt32("I"));
    }

    [Fact]
    public async Task TrySubmit_TableDoesNotExist_Throws()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("nobatch"));

        var error = await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => table.TrySubmitAsync([TableActions.Add(new TableEntity("p", "a"))]));

        Assert.Equal(404, error.Status);
    }
}
