using Microsoft.AspNetCore.Mvc;

namespace Turnos.Functions.Hosting;

/// <summary>
/// An <see cref="IResult"/> as an <see cref="IActionResult"/>. The Functions worker's ASP.NET Core integration
/// executes only action results (azure-functions-dotnet-worker #2718), while our handlers build minimal-API results;
/// this lets an HTTP function return them unchanged.
/// </summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

public static class ResultActionExtensions
{
    public static IActionResult ToActionResult(this IResult result) => new ResultAction(result);
}
