using System.Text;
using System.Text.Json;
using Turnos.Functions.Storage;

namespace Turnos.Functions.Tests.Storage;

public sealed class TableEntityTests
{
    [Fact]
    public void Getters_ValuesInOtherShapes_AreConverted()
    {
        var entity = new TableEntity("p", "r")
        {
            ["IntAsLong"] = 5L,
            ["LongAsInt"] = 7,
            ["LongAsString"] = "9000000000",
            ["DoubleAsInt"] = 3,
            ["BoolAsString"] = "true",
            ["DateAsString"] = "2026-01-01T00:00:00Z",
            ["UtcDateTime"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            ["GuidAsString"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        };

        Assert.Equal(5, entity.GetInt32("IntAsLong"));
        Assert.Equal(7L, entity.GetInt64("LongAsInt"));
        Assert.Equal(9_000_000_000L, entity.GetInt64("LongAsString"));
        Assert.Equal(3.0, entity.GetDouble("DoubleAsInt"));
        Assert.True(entity.GetBoolean("BoolAsString"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), entity.GetDateTimeOffset("DateAsString"));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), entity.GetDateTimeOffset("UtcDateTime"));
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), entity.GetGuid("GuidAsString"));
        Assert.Null(entity.GetString("Absent"));
        Assert.Null(entity.GetInt32("Absent"));
    }

    [Fact]
    public void Getter_IncompatibleValue_ThrowsWithoutTheValue()
    {
        var entity = new TableEntity("p", "r") { ["Phone"] = "11-2233-4455" };

        var error = Assert.Throws<InvalidCastException>(() => entity.GetInt64("Phone"));

        Assert.Contains("Phone", error.Message);
        Assert.DoesNotContain("2233", error.Message);
    }

    [Fact]
    public void Serialize_AnnotatesTypesJsonCannotCarry()
    {
        var entity = new TableEntity("p", "r")
        {
            ["L"] = 1L,
            ["D"] = 2.0,
            ["T"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ["G"] = Guid.Empty,
            ["B"] = new byte[] { 1 },
            ["I"] = 1,
            ["Null"] = null,
            ["Timestamp"] = DateTimeOffset.UnixEpoch,
        };
        entity.ETag = "W/\"x\"";

        using var json = JsonDocument.Parse(TableEntityJson.Serialize(entity));
        var root = json.RootElement;

        Assert.Equal("1", root.GetProperty("L").GetString());
        Assert.Equal("Edm.Int64", root.GetProperty("L@odata.type").GetString());
        Assert.Equal("2.0", root.GetProperty("D").GetRawText());
        Assert.Equal("Edm.Double", root.GetProperty("D@odata.type").GetString());
        Assert.Equal("2026-01-01T00:00:00.0000000Z", root.GetProperty("T").GetString());
        Assert.Equal("Edm.DateTime", root.GetProperty("T@odata.type").GetString());
        Assert.Equal("Edm.Guid", root.GetProperty("G@odata.type").GetString());
        Assert.Equal("AQ==", root.GetProperty("B").GetString());
        Assert.Equal("Edm.Binary", root.GetProperty("B@odata.type").GetString());
        Assert.False(root.TryGetProperty("I@odata.type", out _));
        Assert.False(root.TryGetProperty("Null", out _));
        Assert.False(root.TryGetProperty("Timestamp", out _));
        Assert.DoesNotContain("W/", Encoding.UTF8.GetString(TableEntityJson.Serialize(entity)));
    }

    [Theory]
    [InlineData(typeof(decimal))]
    [InlineData(typeof(float))]
    [InlineData(typeof(DayOfWeek))]
    public void Serialize_UnsupportedType_Throws(Type type)
    {
        var entity = new TableEntity("p", "r") { ["X"] = Activator.CreateInstance(type) };

        Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(entity));
    }

    [Fact]
    public void Deserialize_UnannotatedNumbers_AreInt32OrDouble()
    {
        using var json = JsonDocument.Parse("""
            {"odata.etag":"W/\"1\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-01-01T00:00:00.1234567Z",
             "I":5,"D":2.5,"S":"x","B":true,"L@odata.type":"Edm.Int64","L":"12345678901"}
            """);

        var entity = TableEntityJson.Deserialize(json.RootElement);

        Assert.Equal("W/\"1\"", entity.ETag);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), entity.Timestamp);
        Assert.IsType<int>(entity["I"]);
        Assert.IsType<double>(entity["D"]);
        Assert.IsType<long>(entity["L"]);
        Assert.False(entity.ContainsKey("Timestamp"));
        Assert.False(entity.ContainsKey("L@odata.type"));
    }
}
