using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Hosting;

/// <summary>The app's tables. Created on start by <see cref="StartupInitializer"/>.</summary>
public sealed class TurnosTables
{
    public TurnosTables(IOptions<StorageOptions> options) : this(TableClientSetup.CreateService(options.Value), options.Value.TablePrefix)
    {
    }

    public TurnosTables(TableServiceClient service, string tablePrefix)
    {
        Service = service;
        Catalog = Service.GetTableClient(tablePrefix + "catalog");
        Appointments = Service.GetTableClient(tablePrefix + "appointments");
        Schedule = Service.GetTableClient(tablePrefix + "schedule");
        Conversations = Service.GetTableClient(tablePrefix + "conversations");
        Outbox = Service.GetTableClient(tablePrefix + "outbox");
        DataProtectionKeys = Service.GetTableClient(tablePrefix + "dataprotection");
    }

    public TableServiceClient Service { get; }

    /// <summary>Businesses, services, professionals, blocks (partition = business) and WhatsApp numbers.</summary>
    public TableClient Catalog { get; }

    /// <summary>Appointments, booking codes, idempotency claims and customers (partition = business).</summary>
    public TableClient Appointments { get; }

    /// <summary>Per business and work day: appointment summaries and the slot locks that make double booking impossible,
    /// each row keyed by its professional (partition = business|yyyy-MM-dd).</summary>
    public TableClient Schedule { get; }

    /// <summary>One row per business and customer: the conversation's state (partition = business).</summary>
    public TableClient Conversations { get; }

    /// <summary>Calendar work still to do, one row per appointment (partition "calendar").</summary>
    public TableClient Outbox { get; }

    /// <summary>The app's Data Protection key ring, shared by all instances.</summary>
    public TableClient DataProtectionKeys { get; }

    public IEnumerable<TableClient> All => [Catalog, Appointments, Schedule, Conversations, Outbox, DataProtectionKeys];

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var table in All) await table.CreateIfNotExistsAsync(ct);
    }
}
