using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.LanguageModel;

/// <summary>
/// The documented subset of OpenAI's Chat Completions API on 127.0.0.1: <c>POST /v1/chat/completions</c> with a
/// bearer key and a strict json_schema response format. Requests that break the contract get OpenAI's 400/401
/// error shape and are listed in <see cref="Violations"/>; valid ones get whatever <see cref="Respond"/> says.
/// </summary>
internal sealed class FakeChatCompletions : IAsyncDisposable
{
    public const string ApiKey = "sk-test-fake-key";
    private readonly WebApplication _app;

    private FakeChatCompletions(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>What <c>OpenAI:Endpoint</c> is set to: the base the SDK appends <c>chat/completions</c> to.</summary>
    public Uri Endpoint { get; }

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Answers a valid request; by default an empty (all-null) understanding.</summary>
    public Func<HttpContext, Task> Respond { get; set; } = context => Reply(context, """{"intent":"other"}""");

    public static async Task<FakeChatCompletions> StartAsync()
    {
        FakeChatCompletions? fake = null;
        var (app, address) = await LoopbackServer.StartAsync(app => app.Run(context => fake!.HandleAsync(context)));
        fake = new FakeChatCompletions(app, new Uri(address + "/v1/"));
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method != "POST" || context.Request.Path != "/v1/chat/completions")
        {
            await Reject(context, 404, $"unexpected {context.Request.Method} {context.Request.Path}");
            return;
        }
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
        {
            await Reject(context, 401, "missing or wrong bearer key");
            return;
        }
        JsonObject? body;
        try { body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject; }
        catch (JsonException) { body = null; }
        if (body is null)
        {
            await Reject(context, 400, "body is not a JSON object");
            return;
        }
        Requests.Enqueue(body);
        if (Problem(body) is { } problem)
        {
            await Reject(context, 400, problem);
            return;
        }
        await Respond(context);
    }

    private static string? Problem(JsonObject body)
    {
        if (body["model"]?.GetValueKind() != JsonValueKind.String) return "model is required";
        if (body["messages"] is not JsonArray { Count: > 0 } messages
            || messages.Any(m => m?["role"] is null || m["content"] is null)) return "messages need a role and content";
        if (messages.Select(m => m!["content"]).OfType<JsonArray>().SelectMany(parts => parts).FirstOrDefault(p => !ValidPart(p)) is { } bad)
            return $"content part not valid: {bad.ToJsonString()[..Math.Min(200, bad.ToJsonString().Length)]}";
        var format = body["response_format"];
        if (format?["type"]?.GetValue<string>() != "json_schema") return "response_format must be json_schema";
        var schema = format["json_schema"];
        if (schema?["name"] is null || schema["schema"] is not JsonObject) return "json_schema needs a name and a schema";
        return schema["strict"]?.GetValue<bool>() == true ? null : "json_schema must be strict";
    }

    /// <summary>A text part, or an image part whose url is a link or a base64 data URL of a type vision models read.</summary>
    private static bool ValidPart(JsonNode? part) => part?["type"]?.GetValue<string>() switch
    {
        "text" => part["text"]?.GetValueKind() == JsonValueKind.String,
        "image_url" => part["image_url"]?["url"]?.GetValue<string>() is { } url
            && (url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(url, "^data:image/(jpeg|png|gif|webp);base64,[A-Za-z0-9+/]+=*$"))
            && part["image_url"]?["detail"]?.GetValue<string>() is null or "low" or "high" or "auto",
        _ => false,
    };

    /// <summary>The image parts of a request's messages, in order: each one's url and detail.</summary>
    public static IReadOnlyList<(string Url, string? Detail)> Images(JsonObject request) =>
        [.. request["messages"]!.AsArray().Select(m => m!["content"]).OfType<JsonArray>().SelectMany(parts => parts)
            .Where(p => p!["type"]!.GetValue<string>() == "image_url")
            .Select(p => (p!["image_url"]!["url"]!.GetValue<string>(), p["image_url"]!["detail"]?.GetValue<string>()))];

    /// <summary>All the text a request's messages carry, parts joined.</summary>
    public static string Text(JsonObject request) => string.Join("\n", request["messages"]!.AsArray().Select(m => m!["content"] switch
    {
        JsonArray parts => string.Concat(parts.Where(p => p!["type"]!.GetValue<string>() == "text").Select(p => p!["text"]!.GetValue<string>())),
        var content => content!.GetValue<string>(),
    }));

    private Task Reject(HttpContext context, int status, string message)
    {
        Violations.Enqueue(message);
        return Error(context, status, message);
    }

    public static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        var error = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = status >= 500 ? "server_error" : "invalid_request_error", ["param"] = null, ["code"] = null },
        };
        return context.Response.WriteAsJsonAsync(error);
    }

    /// <summary>A realistic <c>chat.completion</c> whose assistant message content is <paramref name="content"/>.</summary>
    public static Task Reply(HttpContext context, string? content, string? refusal = null, string finishReason = "stop") =>
        context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24],
            ["object"] = "chat.completion",
            ["created"] = 1_795_000_000,
            ["model"] = "gpt-4o-mini-2024-07-18",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal, ["annotations"] = new JsonArray() },
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 612, ["completion_tokens"] = 64, ["total_tokens"] = 676 },
            ["service_tier"] = "default",
            ["system_fingerprint"] = "fp_0aa8d3e20b",
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
