using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

[Collection("Azurite")]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("query"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task<List<TableEntity>> ToListAsync(IAsyncEnumerable<TableEntity> rows)
    {
        var list = new List<TableEntity>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    [Fact]
    public async Task Query_FilterAndSelect_ReturnsMatchingRowsWithSelectedProperties()
    {
        var table = await NewTableAsync();
        var start = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await table.InsertAsync(new TableEntity(i % 2 == 0 ? "even" : "odd", $"r{i}")
            {
                ["N"] = i,
                ["Big"] = 10_000_000_000L + i,
                ["At"] = start.AddHours(i),
                ["Name"] = $"name{i}",
            });
        }

        var filter = TableFilter.Of($"PartitionKey eq {"even"} and At ge {start.AddHours(1)} and Big lt {10_000_000_004L}");
        var rows = await ToListAsync(table.QueryAsync(filter, ["RowKey", "N"]));

        Assert.Equal(["r2"], rows.Select(r => r.RowKey));
        Assert.Equal(2, rows[0].GetInt32("N"));
        Assert.False(rows[0].ContainsKey("Name"));
        Assert.NotNull(rows[0].ETag);
    }

    [Fact]
    public async Task Query_MoreThanThousandRows_FollowsContinuationTokens()
    {
        var table = await NewTableAsync();
        for (var batch = 0; batch < 11; batch++)
        {
            var ops = Enumerable.Range(batch * 100, 100)
                .Select(i => TableOperation.Insert(new TableEntity("p", $"r{i:D5}") { ["I"] = i }))
                .ToList();
            Assert.True((await table.SubmitBatchAsync(ops)).IsSuccess);
        }

        var all = await ToListAsync(table.QueryAsync());
        var firstPage = await table.QueryPageAsync(null);
        var secondPage = await table.QueryPageAsync(null, continuationToken: firstPage.ContinuationToken);

        Assert.Equal(1100, all.Count);
        Assert.Equal(1100, all.Select(r => r.RowKey).Distinct().Count());
        Assert.Equal(1000, firstPage.Items.Count);
        Assert.NotNull(firstPage.ContinuationToken);
        Assert.Equal(100, secondPage.Items.Count);
        Assert.Null(secondPage.ContinuationToken);
        Assert.Equal("r01000", secondPage.Items[0].RowKey);
    }

    [Fact]
    public async Task QueryPage_PageSize_LimitsItemsAndReturnsToken()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 5; i++)
        {
            await table.InsertAsync(new TableEntity("p", $"r{i}"));
        }

        var page = await table.QueryPageAsync(TableFilter.Of($"PartitionKey eq {"p"}"), pageSize: 2);
        var all = await ToListAsync(table.QueryAsync(pageSize: 2));

        Assert.Equal(2, page.Items.Count);
        Assert.NotNull(page.ContinuationToken);
        Assert.Equal(5, all.Count);
    }

    [Fact]
    public async Task Query_InjectionAttemptInValue_MatchesOnlyTheLiteralRow()
    {
        var table = await NewTableAsync();
        const string attack = "x' or PartitionKey ne '";
        await table.InsertAsync(new TableEntity("p", "plain") { ["Name"] = "x" });
        await table.InsertAsync(new TableEntity("p", "other") { ["Name"] = "someone" });

        var none = await ToListAsync(table.QueryAsync(TableFilter.Of($"Name eq {attack}")));
        await table.InsertAsync(new TableEntity("p", "literal") { ["Name"] = attack });
        var literal = await ToListAsync(table.QueryAsync(TableFilter.Of($"Name eq {attack}")));

        Assert.Empty(none);
        Assert.Equal(["literal"], literal.Select(r => r.RowKey));
    }

    [Fact]
    public async Task Query_TableDoesNotExist_ThrowsTableStorageException()
    {
        var table = azurite.Tables.GetTableClient(azurite.NewTableName("noquery"));

        var error = await Assert.ThrowsAsync<TableStorageException>(() => table.QueryPageAsync(null));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task QueryPage_ForeignToken_ThrowsArgumentException()
    {
        var table = await NewTableAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => table.QueryPageAsync(null, continuationToken: "garbage"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => table.QueryPageAsync(null, pageSize: 1001));
    }
}
