using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class TableBatchTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("batch"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<List<TableEntity>> AllAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync())
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task SubmitBatch_MixedOperations_SucceedsWithETags()
    {
        var table = await NewTableAsync();
        var existing = await table.InsertAsync(new TableEntity("p", "replace") { ["V"] = 1 });
        await table.InsertAsync(new TableEntity("p", "merge") { ["A"] = "kept" });
        await table.InsertAsync(new TableEntity("p", "delete"));

        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity("p", "insert") { ["V"] = 1 }),
            TableOperation.Upsert(new TableEntity("p", "upsert") { ["V"] = 2 }),
            TableOperation.Upsert(new TableEntity("p", "upsertMerge") { ["V"] = 3 }, merge: true),
            TableOperation.Replace(new TableEntity("p", "replace") { ["V"] = 4 }, existing.ETag!),
            TableOperation.Merge(new TableEntity("p", "merge") { ["B"] = "added" }),
            TableOperation.Delete("p", "delete"),
        ]);

        Assert.True(result.IsSuccess);
        Assert.Null(result.FailedIndex);
        Assert.Equal(6, result.ETags.Count);
        Assert.All(result.ETags.Take(5), Assert.NotNull);
        Assert.Equal(result.ETags[0], (await table.GetAsync("p", "insert"))!.ETag);
        Assert.Equal(result.ETags[3], (await table.GetAsync("p", "replace"))!.ETag);
        Assert.Equal(4, (await table.GetAsync("p", "replace"))!.GetInt32("V"));
        var merged = await table.GetAsync("p", "merge");
        Assert.Equal("kept", merged!.GetString("A"));
        Assert.Equal("added", merged.GetString("B"));
        Assert.Null(await table.GetAsync("p", "delete"));
    }

    [Fact]
    public async Task SubmitBatch_OneConflictingInsert_ReturnsConflictAtItsIndexAndWritesNothing()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "taken") { ["Owner"] = "first" });

        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity("p", "a")),
            TableOperation.Insert(new TableEntity("p", "b")),
            TableOperation.Insert(new TableEntity("p", "taken") { ["Owner"] = "second" }),
            TableOperation.Insert(new TableEntity("p", "c")),
        ]);

        Assert.Equal(TableOutcome.Conflict, result.Outcome);
        Assert.Equal(2, result.FailedIndex);
        Assert.Empty(result.ETags);
        var rows = await AllAsync(table);
        Assert.Equal("taken", Assert.Single(rows).RowKey);
        Assert.Equal("first", rows[0].GetString("Owner"));
    }

    [Fact]
    public async Task SubmitBatch_ConflictOnFirstOperation_ReportsIndexZero()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "a"));

        var result = await table.SubmitBatchAsync(
            [TableOperation.Insert(new TableEntity("p", "a")), TableOperation.Insert(new TableEntity("p", "b"))]);

        Assert.Equal(TableOutcome.Conflict, result.Outcome);
        Assert.Equal(0, result.FailedIndex);
        Assert.Null(await table.GetAsync("p", "b"));
    }

    [Fact]
    public async Task SubmitBatch_ReplaceWithStaleIfMatch_ReturnsPreconditionFailedAndWritesNothing()
    {
        var table = await NewTableAsync();
        var stale = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.ReplaceAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity("p", "new")),
            TableOperation.Replace(new TableEntity("p", "r") { ["V"] = 3 }, stale.ETag!),
        ]);

        Assert.Equal(TableOutcome.PreconditionFailed, result.Outcome);
        Assert.Equal(1, result.FailedIndex);
        Assert.Null(await table.GetAsync("p", "new"));
        Assert.Equal(2, (await table.GetAsync("p", "r"))!.GetInt32("V"));
    }

    [Fact]
    public async Task SubmitBatch_DeleteMissing_ReturnsNotFound()
    {
        var table = await NewTableAsync();

        var result = await table.SubmitBatchAsync(
            [TableOperation.Insert(new TableEntity("p", "a")), TableOperation.Delete("p", "nobody")]);

        Assert.Equal(TableOutcome.NotFound, result.Outcome);
        Assert.Equal(1, result.FailedIndex);
        Assert.Null(await table.GetAsync("p", "a"));
    }

    [Fact]
    public async Task SubmitBatch_MixedPartitionKeys_ThrowsArgumentException()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync(
            [TableOperation.Insert(new TableEntity("p1", "a")), TableOperation.Insert(new TableEntity("p2", "a"))]));
    }

    [Fact]
    public async Task SubmitBatch_EmptyOrOverHundred_ThrowsArgumentException()
    {
        var table = await NewTableAsync();
        var tooMany = Enumerable.Range(0, 101).Select(i => TableOperation.Insert(new TableEntity("p", $"r{i}"))).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync(tooMany));
    }

    [Fact]
    public async Task SubmitBatch_HundredInsertsWithEscapedKeys_AllWritten()
    {
        var table = await NewTableAsync();
        const string partition = "negocio|o'hara";
        var ops = Enumerable.Range(0, 100)
            .Select(i => TableOperation.Insert(new TableEntity(partition, $"slot {i:D3} 'x' %20") { ["I"] = i }))
            .ToList();

        var result = await table.SubmitBatchAsync(ops);

        Assert.True(result.IsSuccess);
        Assert.Equal(100, result.ETags.Count);
        Assert.Equal(100, (await AllAsync(table)).Count);
        Assert.Equal(42, (await table.GetAsync(partition, "slot 042 'x' %20"))!.GetInt32("I"));
    }

    [Fact]
    public async Task SubmitBatch_TableDoesNotExist_ThrowsTableStorageException()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("nobatch"));

        var error = await Assert.ThrowsAsync<TableStorageException>(
            () => table.SubmitBatchAsync([TableOperation.Insert(new TableEntity("p", "a"))]));

        Assert.Equal(404, error.Status);
    }
}
