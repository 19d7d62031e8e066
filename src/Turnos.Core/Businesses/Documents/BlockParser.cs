using System.Globalization;

namespace Turnos.Core.Businesses.Documents;

internal static class BlockParser
{
    public static List<Block> Parse(List<BlockDocument?>? docs, TimeZoneInfo zone, List<Professional> professionals,
        string path, List<CatalogError> errors)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < (docs?.Count ?? 0); i++)
        {
            var b = docs![i];
            var at = $"{path}[{i}]{CatalogValidator.Label(b?.Id)}";
            if (b is null) { errors.Add(new(at, "is empty")); continue; }
            var id = CatalogValidator.RequireId(b.Id, $"{at}.id", errors);
            if (b.Professional is not null && professionals.All(p => p.Id != b.Professional))
                errors.Add(new($"{at}.professional", $"'{b.Professional}' is not a professional of this business"));
            DateTimeOffset? from = null, to = null;
            if (b.Date is not null)
            {
                if (DateOnly.TryParseExact(b.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    from = LocalTime.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
                    to = LocalTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
                }
                else errors.Add(new($"{at}.date", $"'{b.Date}' is not a date like 2026-12-25"));
            }
            else
            {
                from = ParseInstant(b.From, zone, $"{at}.from", errors);
                to = ParseInstant(b.To, zone, $"{at}.to", errors);
                if (from is not null && to is not null && to <= from) errors.Add(new($"{at}.to", "must be after 'from'"));
            }
            if (id is not null && blocks.Any(x => x.Id == id)) errors.Add(new($"{at}.id", $"'{id}' is used by another block"));
            if (id is not null && from is not null && to is not null && to > from)
                blocks.Add(new Block(id, b.Professional, from.Value, to.Value, b.Reason?.Trim()));
        }
        return blocks;
    }

    private static DateTimeOffset? ParseInstant(string? text, TimeZoneInfo zone, string path, List<CatalogError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(new(path, "is required when 'date' is not given")); return null; }
        if (LocalTime.TryParseInstant(text, zone, out var utc)) return utc;
        errors.Add(new(path, $"'{text}' is not a date-time like 2026-12-24T13:00"));
        return null;
    }
}
