using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Tests.WhatsApp;

/// <summary>
/// Checking goes through the Twilio SDK's RequestValidator; signing (for the simulator) is ours. The example of Twilio's security documentation (auth token 12345), and the port and repeated-parameter
/// vectors of Twilio's own SDK test suites (twilio-csharp, twilio-python): signatures Twilio computed, not us.
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string Published = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void Compute_TwilioDocumentedExample_GivesThePublishedSignature() =>
        Assert.Equal(Published, TwilioSignature.Compute(Token, Url, Parameters));

    [Fact]
    public void IsValid_TwilioDocumentedExample_IsTrue() =>
        Assert.True(TwilioSignature.IsValid(Token, Url, Parameters, Published));

    [Fact]
    public void Compute_ParametersInAnyOrder_GivesTheSameSignature()
    {
        Assert.Equal(Published, TwilioSignature.Compute(Token, Url, Parameters.Reverse()));
        Assert.Equal(Published, TwilioSignature.Compute(Token, Url, [Parameters[3], Parameters[0], Parameters[4], Parameters[2], Parameters[1]]));
    }

    [Fact]
    public void Compute_RepeatedParameter_SortsAndDeduplicatesValuesLikeTwilio()
    {
        KeyValuePair<string, string>[] repeated = [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"), new("Digits", "1234")];

        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url, repeated));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]   // Twilio signed https://mycompany.com:443/…
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]    // Twilio signed http://mycompany.com:80/…
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", Published)]                  // Twilio signed without the port
    public void IsValid_UrlWithOrWithoutDefaultPort_IsTrue(string configuredUrl, string signature) =>
        Assert.True(TwilioSignature.IsValid(Token, configuredUrl, Parameters, signature));

    public static TheoryData<string, string, int, string?> Tampered => new()
    {
        { "other token", Url, -1, Published },
        { Token, "https://mycompany.com/myapp.php?foo=1&bar=3", -1, Published },
        { Token, "https://evil.example/myapp.php?foo=1&bar=2", -1, Published },
        { Token, Url, 2, Published },                                   // Digits changed
        { Token, Url, -1, "RSOYDt4T1cUTdK1PDd93/VVr8B8x" },             // last character
        { Token, Url, -1, "RSOYDt4T1cUTdK1PDd93/VVr8B8" },              // shorter
        { Token, Url, -1, Published + "AAAA" },                        // longer
        { Token, Url, -1, "" },
        { Token, Url, -1, null },
    };

    [Theory, MemberData(nameof(Tampered))]
    public void IsValid_TamperedTokenUrlBodyOrSignature_IsFalse(string token, string url, int changeParameter, string? signature)
    {
        var parameters = Parameters.Select((p, i) => i == changeParameter ? new(p.Key, p.Value + "9") : p).ToArray();

        Assert.False(TwilioSignature.IsValid(token, url, parameters, signature));
    }

    [Fact]
    public void IsValid_ExtraParameter_IsFalse() =>
        Assert.False(TwilioSignature.IsValid(Token, Url, [.. Parameters, new("Body", "hola")], Published));

    [Fact]
    public void IsValid_RepeatedParameterSignedByTwilio_IsTrue()
    {
        KeyValuePair<string, string>[] repeated = [new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"), new("Digits", "1234")];

        Assert.True(TwilioSignature.IsValid(Token, Url, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
        Assert.False(TwilioSignature.IsValid(Token, Url, repeated[..3], "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }
}
