using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Turnos.Functions.Availability.Api;

/// <summary>
/// The /api/v1 envelope of the source contract: <c>{ success: true, data }</c> or
/// <c>{ success: false, error: { codigo, mensaje, campo? } }</c>, snake_case names.
/// </summary>
internal static class ApiJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Spanish text ("miércoles", "inválido") stays readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}

internal sealed record ApiSuccess<T>(T Data)
{
    [JsonPropertyOrder(-1)]
    public bool Success => true;
}

internal sealed record ApiFailure(ApiErrorBody Error)
{
    [JsonPropertyOrder(-1)]
    public bool Success => false;
}

/// <param name="Campo">The query parameter at fault, when one is.</param>
internal sealed record ApiErrorBody(
    string Codigo,
    string Mensaje,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Campo);

/// <summary>Why a request is refused: 400 <c>VALIDACION</c> or 404 <c>NO_ENCONTRADO</c>, in Spanish.</summary>
internal sealed record ApiProblem(int Status, string Codigo, string Mensaje, string? Campo)
{
    public static ApiProblem Invalid(string campo, string mensaje) => new(StatusCodes.Status400BadRequest, "VALIDACION", mensaje, campo);

    public static ApiProblem NotFound(string campo, string mensaje) => new(StatusCodes.Status404NotFound, "NO_ENCONTRADO", mensaje, campo);

    public ApiAnswer ToAnswer() => new(Status, new ApiFailure(new ApiErrorBody(Codigo, Mensaje, Campo)));
}

/// <summary>A status and a body, kept apart from HTTP so the bench can build and serialize answers directly.</summary>
internal sealed record ApiAnswer(int Status, object Body)
{
    public static ApiAnswer Ok<T>(T data) => new(StatusCodes.Status200OK, new ApiSuccess<T>(data));

    public IResult ToResult() => Results.Json(Body, ApiJson.Options, ApiJson.ContentType, Status);
}
