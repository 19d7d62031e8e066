using Azure.Data.Tables;

namespace Turnos.Functions.Tests.Infrastructure;

/// <summary>
/// One in-memory Azurite for the whole test assembly (through <see cref="AzuriteCollection"/>).
/// Tests isolate themselves with their own tables from <see cref="NewTableName"/>, never by cleaning up.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private TableServiceClient? _tables;
    private int _counter;

    public string ConnectionString => Azurite.ConnectionString;

    public int Port => Azurite.Port;

    public TableServiceClient Tables => _tables ?? throw NotStarted();

    private AzuriteProcess Azurite => _azurite ?? throw NotStarted();

    /// <summary>A table name no other test uses: letters and digits only, starting with the prefix's letters.</summary>
    public string NewTableName(string prefix = "t")
    {
        var letters = new string(prefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        if (letters.Length == 0 || !char.IsAsciiLetter(letters[0]))
        {
            letters = "t" + letters;
        }

        var suffix = Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + Guid.NewGuid().ToString("N")[..8];
        var maxPrefix = 63 - suffix.Length;
        return (letters.Length > maxPrefix ? letters[..maxPrefix] : letters) + suffix;
    }

    /// <summary>A created table of its own, named by <see cref="NewTableName"/>.</summary>
    public async Task<TableClient> NewTableAsync(string prefix = "t")
    {
        var table = Tables.GetTableClient(NewTableName(prefix));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _tables = new TableServiceClient(_azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("Azurite has not been started yet.");
}

[CollectionDefinition("Azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
}
