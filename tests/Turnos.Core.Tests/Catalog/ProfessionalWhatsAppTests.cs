using Turnos.Core.Businesses.Documents;

namespace Turnos.Core.Tests.Catalog;

/// <summary>A professional's optional <c>whatsAppNumber</c>, where their notices go: E.164 like the business's numbers.</summary>
public class ProfessionalWhatsAppTests
{
    private static BusinessDocument Doc(string? number) => new()
    {
        Id = "demo", Name = "Peluquería Demo", TimeZone = "America/Argentina/Buenos_Aires", Currency = "ARS",
        Services = [new() { Id = "corte", Name = "Corte de cabello", DurationMinutes = 30, Price = 5000 }],
        Professionals = [new() { Id = "carlos", Name = "Carlos Ramírez", Services = ["corte"], WhatsAppNumber = number }],
    };

    private static string[] Errors(string? number) => [.. CatalogValidator.Validate(Doc(number), "b").Errors.Select(e => e.ToString())];

    [Fact]
    public void Set_IsTrimmed_AndRoundTripsThroughTheDocument()
    {
        var s = CatalogValidator.Validate(Doc(" +5491155551234 "), "b").Snapshot!;
        var again = CatalogValidator.Validate(CatalogDocuments.FromSnapshot(s), "b").Snapshot!;

        Assert.Equal("+5491155551234", s.FindProfessional("carlos")!.WhatsAppNumber);
        Assert.Equal("+5491155551234", CatalogDocuments.FromSnapshot(s).Professionals![0]!.WhatsAppNumber);
        Assert.Equal("+5491155551234", again.FindProfessional("carlos")!.WhatsAppNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AbsentOrBlank_IsNone(string? number)
    {
        var s = CatalogValidator.Validate(Doc(number), "b").Snapshot!;

        Assert.Null(s.FindProfessional("carlos")!.WhatsAppNumber);
        Assert.Null(CatalogDocuments.FromSnapshot(s).Professionals![0]!.WhatsAppNumber);
    }

    [Theory]
    [InlineData("1155551234")]
    [InlineData("+54 9 11 5555-1234")]
    [InlineData("+0491155551234")]
    [InlineData("+12345")]
    [InlineData("whatsapp:+5491155551234")]
    public void NotE164_IsRefusedWithWhereAndWhy(string number) =>
        Assert.Equal([$"b.professionals[0] (carlos).whatsAppNumber: '{number}' is not an E.164 number like +5491155551234"], Errors(number));
}
