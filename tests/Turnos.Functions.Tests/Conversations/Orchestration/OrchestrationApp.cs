using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Turnos.Functions.Conversations;
using Turnos.Functions.Conversations.Orchestration;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.Conversations.Orchestration;

/// <summary>
/// The app on Azurite with the conversation orchestration in the Durable Task SDK's in-memory backend, and replies
/// read at an in-process Twilio Messages API; the local host finds the orchestrator and activities by their attributes.
/// </summary>
internal sealed class OrchestrationApp : IAsyncDisposable
{
    public const string BusinessNumber = "+14155238886";
    private readonly TurnosFactory _root;
    // Across every app of the run: an app started again must not reuse a MessageSid (a repeat is answered once).
    private static int s_sid;

    private OrchestrationApp(TurnosFactory root, WebApplicationFactory<LocalHostOptions> factory, FakeTwilioMessages twilio)
    {
        _root = root;
        Factory = factory;
        Twilio = twilio;
    }

    public WebApplicationFactory<LocalHostOptions> Factory { get; }

    /// <summary>The tables this app uses (the factory's own prefix unless it was started again on another's).</summary>
    public string TablePrefix => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Turnos.Functions.Hosting.StorageOptions>>().Value.TablePrefix;

    public FakeTwilioMessages Twilio { get; }

    public IServiceProvider Services => Factory.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The app's clock (timers and the durable backend still run on real time).</summary>
    public ManualTimeProvider Clock => _root.Clock;

    /// <summary>Starts the app; with <paramref name="tablePrefix"/> and <paramref name="twilio"/> of an earlier one, it
    /// is that app started again (its tables and its Twilio, the in-memory orchestration state gone).
    /// <paramref name="services"/> changes the app's services after its own setup.</summary>
    public static async Task<OrchestrationApp> StartAsync(AzuriteFixture azurite, string? tablePrefix = null, FakeTwilioMessages? twilio = null,
        IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        twilio ??= await FakeTwilioMessages.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = FakeTwilioMessages.AccountSid,
            ["Twilio:AuthToken"] = FakeTwilioMessages.AuthToken,
            ["Twilio:ApiBaseUrl"] = twilio.BaseUrl.ToString(),
        };
        if (tablePrefix is not null) settings["Storage:TablePrefix"] = tablePrefix;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var root = new TurnosFactory(azurite, settings: settings);
        return new OrchestrationApp(root, services is null ? root : root.WithWebHostBuilder(b => b.ConfigureTestServices(services)), twilio);
    }

    public string NextSid() => $"SM{Interlocked.Increment(ref s_sid):D32}";

    /// <summary>Hands a message over as the webhook will, without waiting for the replies.</summary>
    public async Task<ConversationRef> SendAsync(string customer, string text, string? sid = null)
    {
        await Services.GetRequiredService<ConversationHandOver>().HandOverAsync(Client, Demo.Id, customer,
            new ConversationMessage(sid ?? NextSid(), text, BusinessNumber), default);
        return new ConversationRef(Demo.Id, ConversationStore.CustomerKey(customer));
    }

    /// <summary>The bodies delivered to <paramref name="customer"/> once there are at least <paramref name="count"/>.</summary>
    public async Task<List<string>> RepliesAsync(string customer, int count)
    {
        for (var waited = 0; waited < 200; waited++)
        {
            var bodies = Twilio.Delivered.Where(d => d.To == "whatsapp:" + customer).Select(d => d.Body).ToList();
            if (bodies.Count >= count) return bodies;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Fewer than {count} replies reached {customer} within 10 s.");
    }

    /// <summary>Sends one message, waits until the conversation has answered it and returns what it sent.</summary>
    public async Task<string> SayAsync(string customer, string text)
    {
        var before = Twilio.Delivered.Count(d => d.To == "whatsapp:" + customer);
        var sid = NextSid();
        var conversation = await SendAsync(customer, text, sid);
        await AnsweredAsync(conversation, sid);
        return string.Join("\n\n", Twilio.Delivered.Where(d => d.To == "whatsapp:" + customer).Skip(before).Select(d => d.Body));
    }

    /// <summary>Waits until the conversation reports <paramref name="sid"/> as the last message it answered.</summary>
    public Task AnsweredAsync(ConversationRef conversation, string sid) =>
        WhatsApp.TwilioSide.AnsweredAsync(Client, conversation.InstanceId, sid, TimeSpan.FromSeconds(10));

    /// <summary>Stops the app but leaves its Twilio running, for a restart.</summary>
    public async Task StopAsync()
    {
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Twilio.DisposeAsync();
    }
}
