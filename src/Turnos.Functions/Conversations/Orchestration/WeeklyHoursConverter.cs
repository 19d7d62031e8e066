using System.Text.Json;
using System.Text.Json.Serialization;
using Turnos.Core.Businesses;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>Weekly hours keep their ranges private (they are read per day), so they are written as the open days
/// and their ranges — <c>{"Monday":[{"startMinute":540,"endMinute":1080}]}</c> — and rebuilt through the constructor.</summary>
internal sealed class WeeklyHoursConverter : JsonConverter<WeeklyHours>
{
    public override WeeklyHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var days = JsonSerializer.Deserialize<Dictionary<DayOfWeek, WorkingRange[]>>(ref reader, options)
            ?? throw new JsonException("Weekly hours cannot be null.");
        return new WeeklyHours(days.ToDictionary(d => d.Key, d => (IReadOnlyList<WorkingRange>)d.Value));
    }

    public override void Write(Utf8JsonWriter writer, WeeklyHours value, JsonSerializerOptions options)
    {
        var open = Enum.GetValues<DayOfWeek>().Where(d => !value.IsClosed(d)).ToDictionary(d => d, value.For);
        JsonSerializer.Serialize(writer, open, options);
    }
}
