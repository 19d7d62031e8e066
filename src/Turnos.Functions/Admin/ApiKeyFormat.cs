using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Turnos.Functions.Admin;

/// <summary>
/// Keys look like <c>tn_&lt;keyId&gt;_&lt;secret&gt;</c>: a 12-character id (lowercase letters and digits, the
/// table's row key) and 32 random bytes in base64url. The prefix makes a leaked key easy to recognise.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "tn_";
    public const int IdLength = 12;
    private const int SecretBytes = 32;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly int SecretLength = Base64Url.GetEncodedLength(SecretBytes);

    /// <summary>Longer than any key or sensible configured key: not worth hashing.</summary>
    public const int MaxLength = 512;

    public static string NewId() => new(RandomNumberGenerator.GetItems<char>(IdAlphabet, IdLength));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Compose(string keyId, string secret) => Prefix + keyId + "_" + secret;

    public static bool IsId(string? keyId) =>
        keyId is { Length: IdLength } && keyId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    // By position rather than by splitting on '_': base64url secrets may contain '_' themselves.
    public static bool TryParse(string key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key.Length != Prefix.Length + IdLength + 1 + SecretLength || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + IdLength] != '_') return false;
        var id = key.Substring(Prefix.Length, IdLength);
        if (!IsId(id)) return false;
        keyId = id;
        secret = key[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    /// <summary>
    /// SHA-256, deliberately not a slow password hash: the secret is 256 random bits, so guessing it from the
    /// hash is hopeless at any speed. Slow hashes protect low-entropy passwords, and here would only cost CPU on
    /// every API call.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
