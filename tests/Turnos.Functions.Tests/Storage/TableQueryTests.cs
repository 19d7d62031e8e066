using Azure.Data.Tables;
using Turnos.Functions.Storage;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Storage;

/// <summary>Queries as the stores write them: typed filters from <see cref="TableClient.CreateQueryFilter(FormattableString)"/>,
/// $select, and more rows than one page holds.</summary>
[Collection("Azurite")]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_TypedFilterAndSelect_ReturnsMatchingRowsWithSelectedProperties()
    {
        var table = await azurite.NewTableAsync("query");
        var start = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await table.TryAddAsync(new TableEntity(i % 2 == 0 ? "even" : "odd", $"r{i}")
            {
                ["N"] = i,
                ["Big"] = 10_000_000_000L + i,
                ["At"] = start.AddHours(i),
                ["Done"] = i > 1,
                ["Name"] = $"name{i}",
            });
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {"even"} and At ge {start.AddHours(1)} and Big lt {10_000_000_004L} and Done eq {true}");
        var rows = await table.QueryAsync<TableEntity>(filter, select: ["RowKey", "N"]).ToListAsync();

        Assert.Equal(["r2"], rows.Select(r => r.RowKey));
        Assert.Equal(2, rows[0].GetInt32("N"));
        Assert.Null(rows[0].GetString("Name"));
        Assert.NotEqual(default, rows[0].ETag);
    }

    [Fact]
    public async Task Query_MoreThanThousandRows_ReadsEveryPage()
    {
        var table = await azurite.NewTableAsync("query");
        for (var batch = 0; batch < 11; batch++)
        {
            var actions = Enumerable.Range(batch * 100, 100)
                .Select(i => TableActions.Add(new TableEntity("p", $"r{i:D5}") { ["I"] = i }))
                .ToList();
            Assert.True((await table.TrySubmitAsync(actions)).IsSuccess);
        }

        var pages = await table.QueryAsync<TableEntity>().AsPages().ToListAsync();
        var all = await table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(1100, all.Count);
        Assert.Equal(1100, all.Select(r => r.RowKey).Distinct().Count());
        Assert.Equal([1000, 100], pages.Select(p => p.Values.Count));
        Assert.Equal("r01000", pages[1].Values[0].RowKey);
    }

    [Theory]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("x') or (true")]
    [InlineData("' or 1 eq 1 or Name eq '")]
    public async Task Query_InjectionAttemptInValue_MatchesOnlyTheLiteralRow(string attack)
    {
        var table = await azurite.NewTableAsync("query");
        await table.TryAddAsync(new TableEntity("p", "plain") { ["Name"] = "x" });
        await table.TryAddAsync(new TableEntity("p", "other") { ["Name"] = "someone" });

        var none = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {attack}")).ToListAsync();
        await table.TryAddAsync(new TableEntity("p", "literal") { ["Name"] = attack });
        var literal = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {attack}")).ToListAsync();

        Assert.Empty(none);
        Assert.Equal(["literal"], literal.Select(r => r.RowKey));
    }
}
