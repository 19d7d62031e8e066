using System.Text.Json.Nodes;
using Turnos.Core.Businesses;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// The JSON schema the model must answer with (structured outputs, strict). Strict mode needs every property
/// required and no extras, so "not said" is an explicit null. Catalog ids are enums, so a well-behaved model
/// cannot name a service that does not exist; the reader still checks, because not every server enforces it.
/// </summary>
internal static class UnderstandingSchema
{
    public const string Name = "understanding";

    public static readonly string[] Intents =
        ["book", "availability", "price", "cancel", "reschedule", "confirm_yes", "confirm_no", "greet", "thanks", "human", "hours", "other"];

    /// <param name="photos">Photos go with the message: the answer says what they show (<c>photo_summary</c>).</param>
    public static BinaryData For(BusinessSnapshot business, bool photos = false)
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["intent"] = new JsonObject { ["type"] = "string", ["enum"] = Array(Intents) },
                ["date"] = Nullable("string", "YYYY-MM-DD"),
                ["time"] = Nullable("string", "HH:MM, 24-hour"),
                ["time_from"] = Nullable("string", "HH:MM, start of a vague period"),
                ["time_to"] = Nullable("string", "HH:MM, end of a vague period (exclusive)"),
                ["service_id"] = IdEnum(business.Services.Select(s => s.Id)),
                ["more_service_ids"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["enum"] = Array(business.Services.Select(s => s.Id)) },
                    ["description"] = "further services of the same visit, in the order named, after service_id; empty for one",
                },
                ["professional_id"] = IdEnum(business.Professionals.Select(p => p.Id)),
                ["any_professional"] = new JsonObject { ["type"] = "boolean" },
                ["name"] = Nullable("string", "the customer's own name"),
                ["email"] = Nullable("string", null),
                ["choice"] = Nullable("integer", "1-based pick among listed options; -1 is the last"),
                ["business_code"] = Nullable("string", null),
            },
            ["additionalProperties"] = false,
        };
        if (photos)
            ((JsonObject)schema["properties"]!)["photo_summary"] = Nullable("string", "what the photos show, a short phrase (see the message)");
        schema["required"] = Array(((JsonObject)schema["properties"]!).Select(p => p.Key));
        return BinaryData.FromString(schema.ToJsonString());
    }

    private static JsonObject Nullable(string type, string? description)
    {
        var property = new JsonObject { ["type"] = Array([type, "null"]) };
        if (description is not null) property["description"] = description;
        return property;
    }

    private static JsonObject IdEnum(IEnumerable<string> ids)
    {
        var values = new JsonArray();
        foreach (var id in ids) values.Add(id);
        values.Add(null);
        return new JsonObject { ["type"] = Array(["string", "null"]), ["enum"] = values };
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
