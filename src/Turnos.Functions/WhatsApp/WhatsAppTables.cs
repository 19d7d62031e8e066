using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Turnos.Functions.Hosting;
using Turnos.Functions.Storage;

namespace Turnos.Functions.WhatsApp;

/// <summary>
/// The <c>messages</c> table: one row per inbound MessageSid (claim, then the replies it produced), spread
/// over 256 partitions by a hash of the sid, and one row per (shared number, customer) remembering the
/// business the customer chose (partition <c>r|number</c>, row key a hash of the customer's phone, since
/// keys travel in URLs).
/// </summary>
public sealed class WhatsAppTables(TurnosTables tables, IOptions<StorageOptions> storage)
{
    public TableClient Messages { get; } = tables.Service.GetTableClient(storage.Value.TablePrefix + "messages");

    public static string MessagePartition(string messageSid) => "m|" + Hash(messageSid)[..2];

    public static string RoutePartition(string sharedNumber) => "r|" + sharedNumber;

    public static string CustomerKey(string phone) => "c|" + Hash(phone);

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}

/// <summary>Creates the table before the app takes requests.</summary>
internal sealed class WhatsAppTablesInitializer(WhatsAppTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.Messages.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
