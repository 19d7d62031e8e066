using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Turnos.Core.Conversations;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Tests.LanguageModel;

/// <summary>The adapter driven by the real OpenAI SDK against an in-process Chat Completions fake.</summary>
public sealed class LanguageModelUnderstandingTests : IAsyncLifetime
{
    private FakeChatCompletions _fake = null!;
    private readonly ListLogger<LanguageModelUnderstanding> _logger = new();

    public async Task InitializeAsync() => _fake = await FakeChatCompletions.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private async Task<Understanding> Understand(string text, string? content = null, Expectation expecting = Expectation.None, int timeout = 3500)
    {
        if (content is not null) _fake.Respond = c => FakeChatCompletions.Reply(c, content);
        return await Salon.Understanding(_fake, _logger, timeout).UnderstandAsync(Salon.Context(text, expecting), CancellationToken.None);
    }

    [Fact]
    public async Task UnderstandAsync_ModelAnswersStructuredJson_ReturnsValidatedUnderstanding()
    {
        var result = await Understand("hola! soy juan perez, quiero un corte con carlos el martes a las 3, juan.perez@example.com",
            """
            {"intent":"book","date":"2026-11-24","time":"15:00","time_from":null,"time_to":null,"service_id":"corte",
             "professional_id":"carlos","any_professional":false,"name":"juan pérez","email":"Juan.Perez@Example.com",
             "choice":null,"business_code":null}
            """);

        Assert.Empty(_fake.Violations);
        Assert.Equal(UnderstandingSource.LanguageModel, result.Source);
        Assert.Equal(Intent.Book, result.Intent);
        Assert.Equal(new DateOnly(2026, 11, 24), result.Date);
        Assert.Equal(new TimeOnly(15, 0), result.Time);
        Assert.Equal("corte", result.ServiceId);
        Assert.Equal("carlos", result.ProfessionalId);
        Assert.Equal("Juan Pérez", result.Name);
        Assert.Equal("juan.perez@example.com", result.Email);
    }

    [Fact]
    public async Task UnderstandAsync_ModelNamesUnknownIds_DropsThem()
    {
        var result = await Understand("quiero un tatuaje con pedro",
            """{"intent":"book","service_id":"tatuaje","professional_id":"pedro","any_professional":false}""");

        Assert.Equal(Intent.Book, result.Intent);
        Assert.Null(result.ServiceId);
        Assert.Null(result.ProfessionalId);
    }

    [Fact]
    public async Task UnderstandAsync_ModelGivesInvalidEmail_RejectsIt()
    {
        var result = await Understand("juan arroba example", """{"intent":"other","email":"juan@@example"}""", Expectation.Email);

        Assert.Null(result.Email);
        Assert.Equal(EmailProblem.Invalid, result.EmailProblem);
    }

    [Fact]
    public async Task UnderstandAsync_ModelLeavesDateEmpty_RulesFillIt()
    {
        var context = Salon.Context("quiero un corte mañana");
        var rules = RulesUnderstanding.Understand(context);
        Assert.NotNull(rules.Date);

        var result = await Understand(context.Text, """{"intent":"book","date":null,"service_id":"corte"}""");

        Assert.Equal(UnderstandingSource.LanguageModel, result.Source);
        Assert.Equal(rules.Date, result.Date);
        Assert.Equal("corte", result.ServiceId);
    }

    private static readonly Dictionary<string, Func<HttpContext, Task>> FailureResponses = new()
    {
        ["HTTP 500"] = c => FakeChatCompletions.Error(c, 500, "The server had an error while processing your request."),
        ["HTTP 429"] = c => FakeChatCompletions.Error(c, 429, "Rate limit reached for gpt-4o-mini."),
        ["malformed content"] = c => FakeChatCompletions.Reply(c, """{"intent":"book","date":"""),
        ["content not an object"] = c => FakeChatCompletions.Reply(c, "Claro, reservo un corte para mañana."),
        ["refusal"] = c => FakeChatCompletions.Reply(c, null, refusal: "I'm sorry, I can't help with that."),
        ["truncated"] = c => FakeChatCompletions.Reply(c, """{"intent":"bo""", finishReason: "length"),
        ["not a chat.completion"] = c => c.Response.WriteAsync("<html>Bad gateway</html>"),
    };

    public static TheoryData<string> Failures => [.. FailureResponses.Keys];

    [Theory, MemberData(nameof(Failures))]
    public async Task UnderstandAsync_ModelFails_FallsBackToRules(string failure)
    {
        _fake.Respond = FailureResponses[failure];
        var context = Salon.Context("quiero un corte mañana, soy ana@example.com");

        var result = await Salon.Understanding(_fake, _logger).UnderstandAsync(context, CancellationToken.None);

        Assert.Equal(RulesUnderstanding.Understand(context), result);
        Assert.Equal(UnderstandingSource.Rules, result.Source);
        Assert.Single(_fake.Requests); // no retries: the rules are the retry
        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain("corte", warning.Message);
        Assert.DoesNotContain("ana@example.com", warning.Message);
        Assert.DoesNotContain(FakeChatCompletions.ApiKey, warning.Message);
    }

    [Fact]
    public async Task UnderstandAsync_ModelSlowerThanBudget_FallsBackWithinBudget()
    {
        const int budget = 600;
        _fake.Respond = async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            await FakeChatCompletions.Reply(c, """{"intent":"book"}""");
        };
        var context = Salon.Context("quiero un corte mañana");
        var watch = Stopwatch.StartNew();

        var result = await Salon.Understanding(_fake, _logger, budget).UnderstandAsync(context, CancellationToken.None);

        Assert.True(watch.ElapsedMilliseconds < budget + 1500, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(RulesUnderstanding.Understand(context), result);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("timeout"));
    }

    [Fact]
    public async Task UnderstandAsync_CallerCancels_Throws()
    {
        _fake.Respond = async c => await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Salon.Understanding(_fake, _logger).UnderstandAsync(Salon.Context("hola"), cancel.Token));
    }
}
