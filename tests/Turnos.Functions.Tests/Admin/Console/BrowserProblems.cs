using Microsoft.Playwright;

namespace Turnos.Functions.Tests.Admin.WebConsole;

/// <summary>What a page should never do: log a console error (a CSP violation is one), throw, or fail a request.</summary>
internal static class BrowserProblems
{
    /// <summary>Starts collecting from <paramref name="page"/>; the list fills as the page runs.</summary>
    public static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"HTTP {response.Status}: {response.Request.Method} {response.Url}"); };
        return problems;
    }
}
