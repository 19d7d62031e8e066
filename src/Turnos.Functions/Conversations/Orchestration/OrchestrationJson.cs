using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Turnos.Core.Conversations;

namespace Turnos.Functions.Conversations.Orchestration;

/// <summary>
/// How conversation data (state, understanding, facts, effects and their outcomes) is written into an
/// orchestration's history and read back on replay. The domain types stay free of serialization attributes; two
/// rules make them round-trip exactly, which a replayed decision depends on:
/// <list type="bullet">
/// <item>properties computed from others (a <see cref="TimeZoneInfo"/> from its id, held-from from start and buffer)
/// are not written: they are derived again on read;</item>
/// <item>the domain's closed hierarchies (an abstract record with nested sealed cases, such as
/// <see cref="TurnEffect"/> and <see cref="EffectOutcome"/>) carry their case's name in <c>$kind</c>.</item>
/// </list>
/// </summary>
public static class OrchestrationJson
{
    public const string KindProperty = "$kind";

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(), new WeeklyHoursConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipDerivedProperties, NameDomainCases } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void SkipDerivedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i] is { Set: null, AssociatedParameter: null }) type.Properties.RemoveAt(i);
    }

    private static void NameDomainCases(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !type.Type.IsAbstract || type.Type.Assembly != typeof(TurnEffect).Assembly) return;
        var cases = type.Type.GetNestedTypes().Where(t => !t.IsAbstract && t.IsAssignableTo(type.Type)).ToList();
        if (cases.Count == 0) return;
        type.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = KindProperty,
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var kind in cases) type.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(kind, kind.Name));
    }
}
