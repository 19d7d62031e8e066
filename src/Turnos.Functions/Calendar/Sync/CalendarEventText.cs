using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Functions.Calendar;

/// <summary>The title and description of an appointment's calendar event, in the language of the conversation that
/// booked it (the customer is invited): Spanish, or English for an English conversation.</summary>
internal static class CalendarEventText
{
    public static (string Title, string Description) For(Appointment a, BusinessSnapshot snapshot)
    {
        var english = a.Language == Language.En;
        var zone = snapshot.Business.TimeZone;
        var number = snapshot.Business.WhatsAppNumbers.FirstOrDefault();
        string Name(string serviceId) => snapshot.FindService(serviceId)?.Name ?? serviceId;
        string Who(string professionalId) => snapshot.FindProfessional(professionalId)?.Name ?? professionalId;
        string At(DateTimeOffset utc)
        {
            var time = TimeOnly.FromDateTime(LocalTime.ToLocal(utc, zone));
            return english ? EnglishFormat.Time(time) : SpanishFormat.Time(time);
        }
        var day = DateOnly.FromDateTime(LocalTime.ToLocal(a.StartUtc, zone));
        var with = a.Visit.Select(s => s.ProfessionalId).Distinct().Select(Who).ToList();
        // A visit lists every service with its time and who does it, so whoever opens the event sees the whole visit.
        var services = !a.IsVisit ? ""
            : (english ? "Services:\n" : "Servicios:\n")
                + string.Join("\n", a.Visit.Select(s => $"• {At(s.StartUtc)} {Name(s.ServiceId)} {(english ? "with" : "con")} {Who(s.ProfessionalId)}")) + "\n";
        var link = number is null ? "" : $"{number} (https://wa.me/{number.TrimStart('+')})";
        var description = english
            ? $"Booking {a.Code} made with Turnos.\nCustomer: {a.Customer.Name} ({Contact(a, english)})\n" +
              $"With: {EnglishFormat.List(with)}\nAppointment: {EnglishFormat.Day(day)} at {At(a.StartUtc)}\n" + services +
              (number is null ? "" : $"To change or cancel it, write on WhatsApp to {link}.")
            : $"Reserva {a.Code} hecha con Turnos.\nCliente: {a.Customer.Name} ({Contact(a, english)})\n" +
              $"Con: {SpanishFormat.List(with)}\nTurno: {SpanishFormat.LongDay(day)} a las {At(a.StartUtc)}\n" + services +
              (number is null ? "" : $"Para cambiarlo o cancelarlo, escribe por WhatsApp al {link}.");
        return ($"{string.Join(" + ", a.Visit.Select(s => Name(s.ServiceId)))} — {a.Customer.Name}", description);
    }

    // A customer of the chat API or the web widget has no phone, only that channel's address.
    private static string Contact(Appointment a, bool english) => a.Source switch
    {
        AppointmentSource.Chat => english ? "through the chat API" : "por la API de chat",
        AppointmentSource.Web => english ? "through the web chat" : "por el chat de la web",
        _ => a.Customer.Phone,
    };
}
