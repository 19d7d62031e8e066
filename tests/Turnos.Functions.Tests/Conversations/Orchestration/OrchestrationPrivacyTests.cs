using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Tests.Infrastructure;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>
/// What an orchestration is given (its input, activity inputs and outputs, events, custom status) is kept in the task
/// hub's history. The in-memory backend does not hand a history back to the client, so the test records every string
/// the durable data converter writes on its way there, and reads what the client does show.
/// </summary>
[Collection("Azurite")]
public sealed class OrchestrationPrivacyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Customer = "+5491155550021";
    private readonly ConcurrentQueue<string> _written = new();
    private OrchestrationApp _app = null!;

    // The whole number and the number as written within the country.
    private static readonly string[] PhoneForms = [Customer[1..], Customer[^10..]];

    public async Task InitializeAsync() => _app = await OrchestrationApp.StartAsync(azurite,
        services: s => s.Configure<JsonSerializerOptions>(o => o.Converters.Add(new RecordingStrings(_written))));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ABookingDialogue_PutsTheTextButNoPhoneNumberIntoTheTaskHub()
    {
        await _app.SayAsync(Customer, "quiero un corte de pelo el martes a las 10, soy Juan Perez, juan@example.com");
        var sid = _app.NextSid();
        var conversation = await _app.SendAsync(Customer, "sí", sid);
        await _app.AnsweredAsync(conversation, sid);
        var instance = await _app.Client.GetInstanceAsync(conversation.InstanceId, getInputsAndOutputs: true);

        // The turn's data did go through: the message text, the understanding, the booking and the saved state.
        Assert.Contains(_written, s => s.Contains("quiero un corte de pelo", StringComparison.Ordinal));
        Assert.Contains(_written, s => s.Contains("\"$kind\":\"Booked\"", StringComparison.Ordinal));
        Assert.Contains(_written, s => s.Contains("Juan Perez", StringComparison.Ordinal));
        Assert.NotNull(instance);
        string[] shown = [conversation.InstanceId, instance.SerializedInput ?? "", instance.SerializedOutput ?? "", instance.SerializedCustomStatus ?? ""];
        Assert.Contains(sid, instance.SerializedCustomStatus);
        foreach (var phone in PhoneForms)
        {
            Assert.DoesNotContain(_written, s => s.Contains(phone, StringComparison.Ordinal));
            Assert.DoesNotContain(shown, s => s.Contains(phone, StringComparison.Ordinal));
        }
    }

    /// <summary>Writes strings as the default does and keeps a copy of each.</summary>
    private sealed class RecordingStrings(ConcurrentQueue<string> written) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            written.Enqueue(value);
            writer.WriteStringValue(value);
        }
    }
}
