using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Hosting;

/// <summary>
/// Keeps the app's Data Protection key ring in a table, so every instance (and every restart) can read
/// what another protected — e.g. the PKCE verifier of a calendar-connect link opened on one instance and
/// completed on another. The storage account's own encryption at rest and managed-identity access guard it.
/// </summary>
internal sealed class TableXmlRepository(TableClient table) : IXmlRepository
{
    private const string Partition = "keys";

    private volatile bool _created;

    // IXmlRepository is synchronous; the key ring is read rarely (start, then about once a day).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(async () =>
        {
            await EnsureTableAsync();
            var elements = new List<XElement>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")))
                elements.Add(XElement.Parse(row.GetString("Xml")!));
            return elements;
        }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(async () =>
        {
            await EnsureTableAsync();
            await table.TryUpsertAsync(new TableEntity(Partition, friendlyName) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) });
        }).GetAwaiter().GetResult();

    // Data Protection may read the key ring before the start-up initializer has created the tables.
    private async Task EnsureTableAsync()
    {
        if (_created) return;
        await table.CreateIfNotExistsAsync();
        _created = true;
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Turnos");
        services.AddOptions<KeyManagementOptions>()
            .Configure<TurnosTables>((options, tables) => options.XmlRepository = new TableXmlRepository(tables.DataProtectionKeys));
    }
}
