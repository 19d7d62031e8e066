using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Turnos.Functions.Conversations;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Tests.LanguageModel;

public sealed class UnderstandingSetupTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddUnderstanding(configuration).BuildServiceProvider();
    }

    [Fact]
    public void AddUnderstanding_WithoutApiKey_RegistersRules()
    {
        using var services = Build(new() { ["OpenAI:Model"] = "gpt-4o-mini" });

        Assert.IsType<RulesUnderstandingService>(services.GetRequiredService<IUnderstandingService>());
    }

    [Fact]
    public void AddUnderstanding_WithApiKey_RegistersLanguageModel()
    {
        // Never called: no request is made until a message arrives.
        using var services = Build(new() { ["OpenAI:ApiKey"] = "sk-test", ["OpenAI:Endpoint"] = "http://127.0.0.1:9/v1/" });

        Assert.IsType<LanguageModelUnderstanding>(services.GetRequiredService<IUnderstandingService>());
    }

    [Theory]
    [InlineData("OpenAI:TimeoutMilliseconds", "20000", "OpenAI:TimeoutMilliseconds")]
    [InlineData("OpenAI:PhotoTimeoutMilliseconds", "60000", "OpenAI:PhotoTimeoutMilliseconds")]
    [InlineData("OpenAI:Endpoint", "openai.example.com/v1", "OpenAI:Endpoint must be an absolute")]
    [InlineData("OpenAI:Model", " ", "OpenAI:Model")]
    public void AddUnderstanding_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var services = Build(new() { ["OpenAI:ApiKey"] = "sk-test", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OpenAIOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AddUnderstanding_EndpointWithoutApiKey_FailsNamingApiKey()
    {
        using var services = Build(new() { ["OpenAI:Endpoint"] = "https://example.openai.azure.com/openai/v1/" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<OpenAIOptions>>().Value);

        Assert.Contains("OpenAI:ApiKey", error.Message);
    }
}
