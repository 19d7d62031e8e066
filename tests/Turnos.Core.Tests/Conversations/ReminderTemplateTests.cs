using Turnos.Core;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>A reminder as a template's variables: each mapped field, in the conversation's language and the business's zone.</summary>
public class ReminderTemplateTests
{
    private static readonly DateTimeOffset Ten = Utc(Tuesday, 10, 0);

    private static WhatsAppTemplate Template(params TemplateField[] fields) =>
        new("HX0123456789abcdef0123456789abcdef", ValueList.Of(fields.Select((f, i) => new TemplateVariable($"{i + 1}", f))));

    private static Appointment Booked(string name) => new("a1", "K7Q2PX", "demo", "corte", "carlos", new CustomerInfo(name, "+5491155550000", null),
        Ten, Ten.AddMinutes(30), 0, 0, Tuesday, AppointmentStatus.Booked, AppointmentSource.WhatsApp, null, null, Now, Now);

    [Fact]
    public void Values_InSpanish_FillEachVariableWithItsField()
    {
        var values = ReminderTemplate.Values(Booked("Ana Gómez"), Snapshot(), Language.Es, Template(TemplateField.CustomerName, TemplateField.Service,
            TemplateField.Professional, TemplateField.Date, TemplateField.Time, TemplateField.Address, TemplateField.Code, TemplateField.BusinessName));

        Assert.Equal(new Dictionary<string, string>
        {
            ["1"] = "Ana", ["2"] = "Corte", ["3"] = "Carlos", ["4"] = "martes 10 de marzo", ["5"] = "10:00",
            ["6"] = "Av. Siempreviva 742", ["7"] = "K7Q2PX", ["8"] = "Peluquería Demo",
        }, values);
    }

    [Fact]
    public void Values_InEnglish_DateAndTimeInEnglish_NoneEmpty()
    {
        var values = ReminderTemplate.Values(Booked(" "), Snapshot(), Language.En, Template(TemplateField.Date, TemplateField.Time, TemplateField.CustomerName));

        Assert.Equal("Tuesday, March 10", values["1"]);
        Assert.Equal("10:00 AM", values["2"]);
        Assert.Equal("-", values["3"]); // WhatsApp refuses an empty variable
    }
}
