using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.Businesses;

/// <summary>Seed data that cannot be loaded. The message names the file, the item and the field.</summary>
public sealed class SeedDataException(string message) : Exception(message);

/// <summary>
/// Loads businesses from a seed file (see README, "Seed data"). Idempotent: a business whose seed
/// document has not changed since it was last loaded is left alone, so changes made later through the
/// admin API survive restarts; a changed document replaces that business's catalog.
/// </summary>
public sealed partial class SeedLoader(CatalogStore catalog, ILogger<SeedLoader> logger)
{
    public static IReadOnlyList<(BusinessSnapshot Snapshot, string Hash)> Parse(string json, string fileName)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(json, new JsonSerializerOptions(CatalogStore.Json)
            {
                AllowTrailingCommas = true,
                ReadCommentHandling = JsonCommentHandling.Skip,
            });
        }
        catch (JsonException e)
        {
            throw new SeedDataException($"Seed file '{fileName}' is not valid JSON (line {e.LineNumber + 1}, " +
                $"position {e.BytePositionInLine + 1}, path {e.Path}): {e.Message.Split(" Path:")[0]}");
        }
        if (file?.Businesses is not { Count: > 0 })
            throw new SeedDataException($"Seed file '{fileName}': 'businesses' is missing or empty.");

        var errors = new List<CatalogError>();
        var loaded = new List<(BusinessSnapshot, string)>();
        var numbers = new Dictionary<string, string>();
        var externalIds = new Dictionary<long, string>();
        for (var i = 0; i < file.Businesses.Count; i++)
        {
            var doc = file.Businesses[i];
            var path = $"businesses[{i}]{(doc?.Id is { } id ? $" ({id})" : "")}";
            if (doc is null) { errors.Add(new(path, "is empty")); continue; }
            var validation = CatalogValidator.Validate(doc, path);
            errors.AddRange(validation.Errors);
            if (validation.Snapshot is not { } snapshot) continue;
            if (loaded.Any(l => l.Item1.Business.Id == snapshot.Business.Id))
                errors.Add(new($"{path}.id", $"'{snapshot.Business.Id}' is used by another business in this file"));
            foreach (var number in snapshot.Business.WhatsAppNumbers)
            {
                if (!numbers.TryAdd(number, snapshot.Business.Id))
                    errors.Add(new($"{path}.whatsAppNumbers", $"{number} already belongs to business '{numbers[number]}'"));
            }
            if (snapshot.Business.ExternalId is { } external && !externalIds.TryAdd(external, snapshot.Business.Id))
                errors.Add(new($"{path}.externalId", $"{external} already belongs to business '{externalIds[external]}'"));
            loaded.Add((snapshot, Hash(doc)));
        }
        if (errors.Count > 0)
            throw new SeedDataException($"Seed file '{fileName}' is invalid:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", errors));
        return loaded;
    }

    public async Task LoadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new SeedDataException($"Seed file '{path}' does not exist.");
        var businesses = Parse(await File.ReadAllTextAsync(path, ct), path);
        var updated = 0;
        foreach (var (snapshot, hash) in businesses)
        {
            if (await catalog.GetSeedHashAsync(snapshot.Business.Id, ct) == hash) continue;
            await catalog.SaveAsync(snapshot, hash, ct);
            updated++;
        }
        LogSeedLoaded(path, businesses.Count, updated);
    }

    private static string Hash(BusinessDocument doc) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc, CatalogStore.Json))));

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed {File}: {Count} businesses, {Updated} written")]
    private partial void LogSeedLoaded(string file, int count, int updated);
}
