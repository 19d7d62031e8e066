namespace Turnos.Functions.Admin.Api;

/// <summary>One problem with one field of a request; <see cref="Field"/> is a JSON path without the leading "$.".</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The admin API's error answers, all RFC 9457 ProblemDetails.</summary>
internal static class ApiProblems
{
    /// <summary>400 with <c>errors: { field: [messages] }</c>, the shape clients already know from ASP.NET Core.</summary>
    public static IResult Validation(IReadOnlyCollection<FieldError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            title: "The request is invalid");

    public static IResult Field(string field, string message, IDictionary<string, object?>? extensions = null) =>
        extensions is null
            ? Validation([new FieldError(field, message)])
            : Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
                detail: $"{field}: {message}", title: "The request is invalid", extensions: extensions);

    public static IResult NotFound(string what, string id, string businessId) =>
        Results.Problem(title: $"{Capitalized(what)} not found", detail: $"There is no {what} '{id}' in business '{businessId}'.",
            statusCode: StatusCodes.Status404NotFound);

    public static IResult BusinessNotFound(string businessId) =>
        Results.Problem(title: "Business not found", detail: $"There is no business '{businessId}'.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static IResult Forbidden(string detail) =>
        Results.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
