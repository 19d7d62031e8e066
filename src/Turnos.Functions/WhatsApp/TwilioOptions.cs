using Microsoft.Extensions.Options;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.WhatsApp;

/// <summary>How the app talks to Twilio's WhatsApp webhook (section <c>Twilio</c>).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Used only in Development when no token is set, so local runs need no Twilio account.</summary>
    public const string LocalDevToken = "local-dev-token";

    /// <summary>The account's primary auth token: the key of every X-Twilio-Signature.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The public origin Twilio calls, e.g. <c>https://turnos.azurewebsites.net</c>. Signatures cover the
    /// URL Twilio used, which differs from the one the app sees behind the Functions host or a proxy.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The account that sends replies through the REST API (Messages resource), with <see cref="AuthToken"/>.
    /// Without it, Development keeps outbound messages in memory for the simulator.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Where the REST API lives; tests and local runs point it at a server that speaks the Messages API.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Only Development may turn the signature check off.</summary>
    public bool ValidateSignatures { get; set; } = true;

    /// <summary>Numbers (E.164) shared by several businesses: customers pick one by its code.</summary>
    public List<string> SharedNumbers { get; set; } = [];
}

/// <summary>Development gets a local token; elsewhere every setting Twilio needs must be there.</summary>
internal sealed class TwilioOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<TwilioOptions>, IValidateOptions<TwilioOptions>
{
    public void PostConfigure(string? name, TwilioOptions options)
    {
        // Settings files list every key, often empty: an empty entry is no number.
        options.SharedNumbers.RemoveAll(string.IsNullOrWhiteSpace);
        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.AuthToken)) options.AuthToken = TwilioOptions.LocalDevToken;
    }

    public ValidateOptionsResult Validate(string? name, TwilioOptions o)
    {
        var errors = new List<string>();
        var strict = !environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(o.AuthToken))
            errors.Add("Twilio:AuthToken is required outside Development (the auth token from the Twilio console).");
        if (string.IsNullOrWhiteSpace(o.AccountSid) && strict)
            errors.Add("Twilio:AccountSid is required outside Development (AC…, from the Twilio console): replies go out through the Messages API.");
        if (o.PublicBaseUrl is null && strict)
            errors.Add("Twilio:PublicBaseUrl is required outside Development (the public https origin Twilio calls, e.g. https://turnos.azurewebsites.net).");
        if (o.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0))
            errors.Add("Twilio:PublicBaseUrl must be an absolute http(s) URL without query or fragment, e.g. https://turnos.azurewebsites.net.");
        if (!o.ApiBaseUrl.IsAbsoluteUri || o.ApiBaseUrl.Scheme is not ("http" or "https") || o.ApiBaseUrl.Query.Length > 0)
            errors.Add("Twilio:ApiBaseUrl must be an absolute http(s) URL without query, e.g. https://api.twilio.com.");
        if (!o.ValidateSignatures && strict)
            errors.Add("Twilio:ValidateSignatures can only be false in Development.");
        if (o.AccountSid is { Length: > 0 } sid && !(sid.Length == 34 && sid.StartsWith("AC", StringComparison.Ordinal) && sid[2..].All(char.IsAsciiHexDigit)))
            errors.Add("Twilio:AccountSid must look like AC followed by 32 hexadecimal digits.");
        for (var i = 0; i < o.SharedNumbers.Count; i++)
            if (!CatalogValidator.PhonePattern().IsMatch(o.SharedNumbers[i]))
                errors.Add($"Twilio:SharedNumbers:{i} '{o.SharedNumbers[i]}' is not an E.164 number like +14155238886.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
