using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Turnos.Functions.Tests.Infrastructure;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

[Collection("Azurite")]
public sealed class TwilioOptionsTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string?, string> BadProductionSettings => new()
    {
        { "Twilio:AuthToken", null, "Twilio:AuthToken is required outside Development" },
        { "Twilio:PublicBaseUrl", null, "Twilio:PublicBaseUrl is required outside Development" },
        { "Twilio:PublicBaseUrl", "https://turnos.example.com/?x=1", "Twilio:PublicBaseUrl must be an absolute http(s) URL" },
        { "Twilio:ValidateSignatures", "false", "Twilio:ValidateSignatures can only be false in Development" },
        { "Twilio:SharedNumbers:0", "5491155550000", "Twilio:SharedNumbers:0 '5491155550000' is not an E.164 number" },
        { "Twilio:AccountSid", "XX123", "Twilio:AccountSid must look like AC" },
        { "Twilio:AccountSid", null, "Twilio:AccountSid is required outside Development" },
    };

    // Through the services AddWhatsApp registers rather than a whole app: an app that fails to start inside
    // WebApplicationFactory sometimes reports ObjectDisposedException instead of the validation error.
    [Theory, MemberData(nameof(BadProductionSettings))]
    public void Options_InProductionWithBadTwilioSetting_FailNamingIt(string key, string? value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve("Production", new() { [key] = value }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Options_InProductionComplete_AreValid()
    {
        var options = Resolve("Production", []);

        Assert.Equal((WhatsAppApp.Token, new Uri(WhatsAppApp.PublicBase), true), (options.AuthToken, options.PublicBaseUrl, options.ValidateSignatures));
    }

    [Fact]
    public void Options_InDevelopmentWithEmptySettings_AreUnsetAndTheLocalTokenIsUsed()
    {
        var options = Resolve("Development", new()
        {
            ["Twilio:AuthToken"] = "",
            ["Twilio:PublicBaseUrl"] = "",
            ["Twilio:AccountSid"] = "",
            ["Twilio:SharedNumbers:0"] = "",
        });

        Assert.Equal((TwilioOptions.LocalDevToken, null, 0), (options.AuthToken, options.PublicBaseUrl, options.SharedNumbers.Count));
    }

    private static TwilioOptions Resolve(string environment, Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = WhatsAppApp.Token,
            ["Twilio:AccountSid"] = Outbound.FakeTwilioMessages.AccountSid,
            ["Twilio:PublicBaseUrl"] = WhatsAppApp.PublicBase,
            ["Twilio:SharedNumbers:0"] = WhatsAppApp.SharedNumber,
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.AddWhatsApp(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TwilioOptions>>().Value;
    }

    [Fact]
    public async Task Start_InDevelopmentWithoutTokenOrUrl_UsesTheLocalToken()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Twilio:AuthToken"] = null,
            ["Twilio:PublicBaseUrl"] = null,
            ["Twilio:ValidateSignatures"] = "false",
        });

        var options = app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;

        Assert.Equal((TwilioOptions.LocalDevToken, null, false), (options.AuthToken, options.PublicBaseUrl, options.ValidateSignatures));
    }

    [Fact]
    public async Task Post_SignatureCheckOffInDevelopment_AcceptsUnsignedMessages()
    {
        await using var app = await WhatsAppApp.StartAsync(azurite, new Dictionary<string, string?> { ["Twilio:ValidateSignatures"] = "false" });

        var form = WhatsAppApp.Form("hola");
        await TwilioSide.AssertEmptyTwiMLAsync(await app.PostAsync(form, sign: false));

        Assert.Equal("demo", await app.QueuedInAsync(form["MessageSid"]));
    }
}
