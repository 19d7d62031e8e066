using Google.Apis.Util.Store;
using Microsoft.Extensions.Options;

namespace Turnos.Functions.Calendar.GoogleApi;

/// <summary>The Google OAuth client and Calendar API (section <c>Google</c>). Without a client id and secret the
/// calendar features are off: availability goes on without Google, and the admin status says so.</summary>
public sealed class GoogleOptions
{
    public const string Section = "Google";

    /// <summary>Google's redirect's route below the host's <c>api</c> prefix (<see cref="CallbackPath"/> in full).</summary>
    public const string CallbackRoute = "oauth/google/callback";

    public const string CallbackPath = "/api/" + CallbackRoute;

    /// <summary>OAuth client id of a "Web application" client in Google Cloud console.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Must match a redirect URI registered for the client exactly. Default: the public origin
    /// (<c>Twilio:PublicBaseUrl</c>, else the request's) followed by <see cref="CallbackPath"/>.</summary>
    public Uri? RedirectUri { get; set; }

    public Uri AuthorizationEndpoint { get; set; } = new("https://accounts.google.com/o/oauth2/v2/auth");

    public Uri TokenEndpoint { get; set; } = new("https://oauth2.googleapis.com/token");

    public Uri RevokeEndpoint { get; set; } = new("https://oauth2.googleapis.com/revoke");

    /// <summary>Base the Calendar v3 paths (<c>freeBusy</c>, <c>calendars/…</c>) are appended to.</summary>
    public Uri CalendarApiBase { get; set; } = new("https://www.googleapis.com/calendar/v3/");

    /// <summary>Everything one calendar call may take, token refresh included; a booking never waits longer.</summary>
    public int RequestTimeoutSeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSeconds);
}

/// <summary>Half a client is a mistake, not "off"; endpoint overrides must be usable URLs.</summary>
internal sealed class GoogleOptionsValidator(IServiceProviderIsService services, IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<GoogleOptions>
{
    public ValidateOptionsResult Validate(string? name, GoogleOptions o)
    {
        var errors = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(o.ClientId);
        var hasSecret = !string.IsNullOrWhiteSpace(o.ClientSecret);
        if (hasId && !hasSecret) errors.Add("Google:ClientSecret is required when Google:ClientId is set (the OAuth client's secret from Google Cloud console).");
        if (hasSecret && !hasId) errors.Add("Google:ClientId is required when Google:ClientSecret is set (the OAuth client id from Google Cloud console).");
        if (o.Enabled && !services.IsService(typeof(IDataStore)))
            errors.Add("Google:ClientId is set, but no token vault is registered (Google's IDataStore): refresh tokens would have nowhere to go.");
        // Elsewhere than a developer's machine, files under the app folder are neither durable nor shared.
        if (o.Enabled && !environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration["KeyVault:Uri"]))
            errors.Add("KeyVault:Uri is required outside Development when Google:ClientId is set: refresh tokens must be kept in Key Vault.");
        if (o.RedirectUri is { } redirect && (!IsHttpUrl(redirect) || !redirect.AbsolutePath.EndsWith(GoogleOptions.CallbackPath, StringComparison.Ordinal)))
            errors.Add($"Google:RedirectUri must be an absolute http(s) URL ending in {GoogleOptions.CallbackPath}, e.g. https://turnos.azurewebsites.net{GoogleOptions.CallbackPath}.");
        foreach (var (setting, url) in new[] { ("AuthorizationEndpoint", o.AuthorizationEndpoint), ("TokenEndpoint", o.TokenEndpoint), ("RevokeEndpoint", o.RevokeEndpoint) })
            if (!IsHttpUrl(url)) errors.Add($"Google:{setting} must be an absolute http(s) URL.");
        if (!IsHttpUrl(o.CalendarApiBase) || !o.CalendarApiBase.AbsolutePath.EndsWith('/'))
            errors.Add("Google:CalendarApiBase must be an absolute http(s) URL ending in '/', e.g. https://www.googleapis.com/calendar/v3/.");
        if (o.RequestTimeoutSeconds is < 1 or > 30)
            errors.Add("Google:RequestTimeoutSeconds must be between 1 and 30 (bookings never wait for Google longer).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(Uri? url) =>
        url is { IsAbsoluteUri: true, Scheme: "http" or "https" } && url.Query.Length == 0 && url.Fragment.Length == 0;
}
