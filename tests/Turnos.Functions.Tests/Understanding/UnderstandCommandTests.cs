using System.Diagnostics;
using System.Text.Json.Nodes;
using Turnos.Functions.CommandLine;
using Turnos.Functions.Tests.Support;

namespace Turnos.Functions.Tests.CommandLine;

/// <summary>The `understand` command: JSON lines in, one JSON line out per line, against the seed file's catalog.</summary>
public class UnderstandCommandTests
{
    private const string Ref = "2026-11-18T10:15:00";

    private static async Task<(int Exit, string[] Lines)> RunAsync(string input, params string[] args)
    {
        var output = new StringWriter();
        var exit = await UnderstandCommand.RunAsync(["understand", .. args], new StringReader(input), output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    private static string Line(string text, string reference = Ref, string business = "demo") =>
        new JsonObject { ["text"] = text, ["ref"] = reference, ["tz"] = "America/Argentina/Buenos_Aires", ["business"] = business }.ToJsonString();

    [Fact]
    public async Task RunAsync_OneMessagePerLine_WritesTheContractFields()
    {
        var input = string.Join('\n',
            Line("hola, quiero cortarme el pelo mañana a las 3 con Lucía, soy Juan, juan@gmail.com"),
            Line("¿qué horarios tienen el viernes a la tarde?"),
            Line("sí"));

        var (exit, lines) = await RunAsync(input, "--seed", RepoPaths.DemoSeed);

        Assert.Equal(0, exit);
        Assert.Equal(3, lines.Length);
        Assert.Equal(
            """{"intent":"book","date":"2026-11-19","time":"15:00","time_range":null,"service":"Corte de cabello","services":["Corte de cabello"],"professional":"Lucía Fernández","name":"Juan","email":"juan@gmail.com","language":"es"}""",
            lines[0]);
        var availability = JsonNode.Parse(lines[1])!;
        Assert.Equal("availability", availability["intent"]!.GetValue<string>());
        Assert.Equal("2026-11-20", availability["date"]!.GetValue<string>());
        Assert.Equal(["13:00", "20:00"], availability["time_range"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(availability["time"]);
        Assert.Equal("confirm_yes", JsonNode.Parse(lines[2])!["intent"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("¿a qué hora cierran los sábados?", "2026-11-21")] // AR
    [InlineData("¿a qué hora abren?", null)]                      // MX
    [InlineData("¿hasta qué hora atienden hoy?", "2026-11-18")]   // CL
    [InlineData("¿qué horario tenéis?", null)]                    // ES
    public async Task RunAsync_OpeningHoursQuestion_ReportsTheHoursIntent(string text, string? date)
    {
        var (_, lines) = await RunAsync(Line(text), "--seed", RepoPaths.DemoSeed);

        var answer = JsonNode.Parse(lines.Single())!;
        Assert.Equal("hours", answer["intent"]!.GetValue<string>());
        Assert.Equal(date, answer["date"]?.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_BadLines_GetAnErrorEachAndTheRestGoesOn()
    {
        var input = string.Join('\n',
            "not json",
            Line("hola", business: "nope"),
            """{"ref":"2026-11-18T10:15:00","business":"demo"}""",
            """{"text":"hola","ref":"ayer","business":"demo"}""",
            """{"text":"hola","ref":"2026-11-18T10:15:00","business":"demo","tz":"Mars/Olympus"}""",
            """[1,2]""",
            "",
            Line("chau"));

        var (exit, lines) = await RunAsync(input, "--seed", RepoPaths.DemoSeed);

        Assert.Equal(0, exit);
        Assert.Equal(7, lines.Length); // the blank line is skipped
        var errors = lines[..6].Select(l => JsonNode.Parse(l)!["error"]!.GetValue<string>()).ToArray();
        Assert.StartsWith("line 1: not a JSON object", errors[0]);
        Assert.Contains("unknown business 'nope'", errors[1]);
        Assert.Contains("'text' is required", errors[2]);
        Assert.Contains("'ref'", errors[3]);
        Assert.Contains("Mars/Olympus", errors[4]);
        Assert.StartsWith("line 6:", errors[5]);
        Assert.Equal("thanks", JsonNode.Parse(lines[6])!["intent"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_RefWithAnOffset_IsTheBusinessesLocalTime()
    {
        // 2026-11-19T02:00Z is still the 18th, 23:00, in Buenos Aires: "mañana" is the 19th.
        var (_, lines) = await RunAsync(Line("mañana a las 10", "2026-11-19T02:00:00Z"), "--seed", RepoPaths.DemoSeed);
        Assert.Equal("2026-11-19", JsonNode.Parse(lines[0])!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_English_ReportsTheLanguage_AndLangIsTheConversationsSoFar()
    {
        var input = string.Join('\n',
            Line("Hi! can I book a haircut tomorrow at 3pm?"),
            """{"text":"ok","ref":"2026-11-18T10:15","business":"demo","lang":"en"}""",
            """{"text":"ok","ref":"2026-11-18T10:15","business":"demo"}""",
            """{"text":"quiero un turno","ref":"2026-11-18T10:15","business":"demo","lang":"en"}""",
            """{"text":"hi","ref":"2026-11-18T10:15","business":"demo","lang":"fr"}""");

        var (exit, lines) = await RunAsync(input, "--seed", RepoPaths.DemoSeed);

        Assert.Equal(0, exit);
        Assert.Equal(
            """{"intent":"book","date":"2026-11-19","time":"15:00","time_range":null,"service":"Corte de cabello","services":["Corte de cabello"],"professional":null,"name":null,"email":null,"language":"en"}""",
            lines[0]);
        Assert.Equal(["en", "es", "es"], lines[1..4].Select(l => JsonNode.Parse(l)!["language"]!.GetValue<string>()));
        Assert.Contains("'lang': 'fr' is not one of es, en", JsonNode.Parse(lines[4])!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_ExpectingAndNoBusiness_ReadAgainstTheSeedsFirstBusiness()
    {
        var (_, lines) = await RunAsync("""{"text":"juan pérez","ref":"2026-11-18T10:15","expecting":"name"}""", "--seed", RepoPaths.DemoSeed);
        Assert.Equal("Juan Pérez", JsonNode.Parse(lines[0])!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--seed", "/no/such/seed.json")]
    [InlineData("--what")]
    public async Task RunAsync_BadArguments_OneErrorAndExitCode2(params string[] args)
    {
        var (exit, lines) = await RunAsync(Line("hola"), args);
        Assert.Equal(2, exit);
        Assert.NotNull(JsonNode.Parse(Assert.Single(lines))!["error"]);
    }

    [Fact]
    public async Task Executable_UnderstandFromStdin_WritesJsonLinesAndExitsZero()
    {
        var dll = typeof(UnderstandCommand).Assembly.Location;
        var workDir = Directory.CreateTempSubdirectory("turnos-understand-").FullName;
        try
        {
            // Run away from the repository: the seed must be found beside the executable.
            using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{dll}\" understand")
            {
                WorkingDirectory = workDir,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync(Line("quiero uñas el sábado a las 10 con sofi"));
            await process.StandardInput.WriteLineAsync("{oops");
            await process.StandardInput.WriteLineAsync(Line("cuánto sale la coloración?"));
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, await stderr);
            var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.Equal(
                """{"intent":"book","date":"2026-11-21","time":"10:00","time_range":null,"service":"Manicura","services":["Manicura"],"professional":"Sofía Gómez","name":null,"email":null,"language":"es"}""",
                lines[0].TrimEnd('\r'));
            Assert.NotNull(JsonNode.Parse(lines[1])!["error"]);
            Assert.Equal("Coloración", JsonNode.Parse(lines[2])!["service"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }
}
