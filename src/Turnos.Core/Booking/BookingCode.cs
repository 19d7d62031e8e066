using System.Security.Cryptography;

namespace Turnos.Core.Booking;

/// <summary>Short codes people can read aloud or type on a phone: no 0/O, 1/I/L look-alikes.</summary>
public static class BookingCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => Alphabet.Contains(c));

    /// <summary>Accepts what people type: lowercase, spaces and dashes.</summary>
    public static string Normalize(string code) =>
        new([.. code.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')]);
}
