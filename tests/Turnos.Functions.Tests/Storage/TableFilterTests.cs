using Turnos.Functions.Storage;

namespace Turnos.Functions.Tests.Storage;

public sealed class TableFilterTests
{
    [Fact]
    public void Of_String_QuotesAndDoublesSingleQuotes() =>
        Assert.Equal("Name eq 'it''s'", TableFilter.Of($"Name eq {"it's"}"));

    [Fact]
    public void Of_InjectionAttempt_StaysOneLiteral() =>
        Assert.Equal("Name eq 'x'' or PartitionKey ne '''", TableFilter.Of($"Name eq {"x' or PartitionKey ne '"}"));

    [Fact]
    public void Of_Bool_WritesLowercaseKeyword() =>
        Assert.Equal("A eq true and B eq false", TableFilter.Of($"A eq {true} and B eq {false}"));

    [Fact]
    public void Of_Int32_WritesPlainNumber() =>
        Assert.Equal("N eq 5 and M eq -12", TableFilter.Of($"N eq {5} and M eq {-12}"));

    [Fact]
    public void Of_Int64_WritesLSuffix() =>
        Assert.Equal("N eq 5L and M eq 9000000000L", TableFilter.Of($"N eq {5L} and M eq {9_000_000_000L}"));

    [Fact]
    public void Of_Double_WritesInvariantNumberWithFraction() =>
        Assert.Equal("D eq 2.5 and E eq 3.0 and F eq 1E+20", TableFilter.Of($"D eq {2.5} and E eq {3.0} and F eq {1e20}"));

    [Fact]
    public void Of_Double_IgnoresCurrentCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("es-AR");
        try
        {
            Assert.Equal("D eq 2.5", TableFilter.Of($"D eq {2.5}"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Of_DateTimeOffset_WritesUtcDatetimeLiteral() =>
        Assert.Equal(
            "At ge datetime'2026-01-01T03:00:00.0000000Z'",
            TableFilter.Of($"At ge {new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(-3))}"));

    [Fact]
    public void Of_UtcDateTime_WritesDatetimeLiteralWithSevenDigits() =>
        Assert.Equal(
            "At lt datetime'2026-01-01T00:00:00.1234567Z'",
            TableFilter.Of($"At lt {new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567)}"));

    [Fact]
    public void Of_UnspecifiedDateTime_Throws() =>
        Assert.Throws<ArgumentException>(() => TableFilter.Of($"At lt {new DateTime(2026, 1, 1)}"));

    [Fact]
    public void Of_Guid_WritesGuidLiteral()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        Assert.Equal("Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e'", TableFilter.Of($"Id eq {id}"));
    }

    [Fact]
    public void Of_Binary_WritesHexLiteral() =>
        Assert.Equal("B eq X'00ff10'", TableFilter.Of($"B eq {new byte[] { 0, 255, 16 }}"));

    [Fact]
    public void Of_UnsupportedType_Throws() =>
        Assert.Throws<ArgumentException>(() => TableFilter.Of($"X eq {DayOfWeek.Monday}"));

    [Fact]
    public void Of_NaN_Throws() =>
        Assert.Throws<ArgumentException>(() => TableFilter.Of($"D eq {double.NaN}"));

    [Fact]
    public void Quote_EmptyAndQuotes_DoublesEveryQuote()
    {
        Assert.Equal("''", TableFilter.Quote(""));
        Assert.Equal("''''''", TableFilter.Quote("''"));
    }
}
