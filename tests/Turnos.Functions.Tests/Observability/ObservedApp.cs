using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Observability;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.Tests.Support;
using Turnos.Functions.Tests.WhatsApp;
using Turnos.Functions.Tests.WhatsApp.Outbound;

namespace Turnos.Functions.Tests.Observability;

/// <summary>The real app on Azurite (demo seed, real conversation engine, the log levels of appsettings.json) with its
/// logs captured, scopes included, and its own meter recorded; customers reach it as Twilio does, with signed posts.</summary>
internal sealed class ObservedApp : IAsyncDisposable
{
    private readonly TurnosFactory _root;
    private readonly List<HttpClient> _clients = [];

    private readonly FakeTwilioMessages _twilio;

    private ObservedApp(AzuriteFixture azurite, FakeTwilioMessages twilio, IReadOnlyDictionary<string, string?>? settings,
        Action<IServiceCollection>? services)
    {
        _twilio = twilio;
        var all = TwilioSide.Settings(twilio);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        _root = new TurnosFactory(azurite, settings: all);
        Factory = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(Logs);
            services?.Invoke(s);
        }));
        Client = Keyed(null);
        Metrics = new MetricRecorder(Get<TurnosMetrics>().Meter);
    }

    public static async Task<ObservedApp> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        new(azurite, await FakeTwilioMessages.StartAsync(), settings, services);

    public WebApplicationFactory<LocalHostOptions> Factory { get; }

    public ScopedLogCapture Logs { get; } = new();

    public MetricRecorder Metrics { get; }

    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>A client that sends <paramref name="key"/> as its bearer key (none when null).</summary>
    public HttpClient Keyed(string? key)
    {
        var client = Factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _clients.Add(client);
        return client;
    }

    /// <summary>Sends a customer's message, signed as Twilio signs it, and returns the replies joined by new lines: those of
    /// the conversation at <paramref name="businessId"/> (the demo's by default), or with null what the webhook sent itself.</summary>
    public async Task<string> SayAsync(string text, string from = WhatsAppApp.Customer, string to = WhatsAppApp.DemoNumber, string? sid = null,
        string? businessId = Demo.Id) =>
        string.Join("\n", await new TwilioSide(_twilio, Client, Factory.Services).ExchangeAsync(WhatsAppApp.Form(text, sid, from, to), businessId));

    /// <summary>The fake Twilio the app sends through (and reads media from).</summary>
    public FakeTwilioMessages Twilio => _twilio;

    /// <summary>Posts a webhook form as Twilio would and returns what its sender got back (see <see cref="TwilioSide.ExchangeAsync"/>).</summary>
    public Task<IReadOnlyList<string>> ExchangeAsync(IReadOnlyDictionary<string, string> form, string? businessId = Demo.Id) =>
        new TwilioSide(_twilio, Client, Factory.Services).ExchangeAsync(form, businessId);

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        foreach (var client in _clients) client.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        await _twilio.DisposeAsync();
    }
}
