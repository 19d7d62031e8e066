using System.Globalization;
using System.Text;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// The two messages sent to the model: fixed instructions (system) and this message's facts (user). The
/// customer's text is quoted as data at the end so it cannot pass for instructions.
/// </summary>
internal static class UnderstandingPrompt
{
    public const string System = """
        You extract booking details from one WhatsApp message a customer sent to an appointment business
        (salon, clinic, consultant). Messages are in everyday Spanish: informal, voseo, no accents, typos,
        abbreviations (q, xq, mñn), emojis; some are in English (tourists: "tomorrow at 3pm", "next Friday",
        "haircut"), read the same way, where a numeric date like 9/12 is month/day only for a business in a
        United States time zone and day/month elsewhere. Answer only with the JSON the schema asks for.
        Rules:
        - Use null (or false) for anything the message does not say. Never guess or invent.
        - intent: book (wants an appointment), availability (asks for free times), price (prices or services),
          cancel, reschedule, confirm_yes / confirm_no (answers a confirmation), greet, thanks (thanks or bye),
          human (wants a person), hours (opening hours or days open), other. A bare fact answering the assistant's question (a day, a time, a name)
          keeps the intent other.
        - date: YYYY-MM-DD, resolved from today (hoy, mañana, pasado mañana, el viernes = the next Friday,
          la semana que viene = next Monday, "el 15" = the next 15th).
        - time: HH:MM, 24 h. "a las 3" without am/pm: the reading that falls within the hours listed.
        - time_from / time_to: a vague period ("a la tarde", "entre las 10 y las 12"), to exclusive; null when
          an exact time is given.
        - service_id / professional_id: only ids from the catalog; any_professional when they accept anyone.
        - more_service_ids: when one visit has several services ("corte y barba", "mani and pedi"), the ones after
          service_id, in the order named; otherwise empty.
        - name: only a person's name the customer gives as their own. email: as written.
        - choice: 1-based pick among options the assistant listed ("la 2", "la segunda"); negative counts from
          the end ("la última" = -1, "la anteúltima" = -2).
        - business_code: only when the assistant asked which business.
        """;

    /// <param name="photos">How many photos go with the message (after this text).</param>
    /// <param name="language">The language the reply is in, which the photos' description must be in.</param>
    public static string User(UnderstandingContext context, int photos = 0, Language? language = null)
    {
        var business = context.Business;
        var now = context.LocalNow;
        var today = DateOnly.FromDateTime(now);
        var text = new StringBuilder();
        text.AppendLine($"Business: {business.Business.Name} (time zone {business.Business.TimeZoneId})");
        text.AppendLine(Invariant($"Now: {now.DayOfWeek} {now:yyyy-MM-dd HH:mm} (business local time)"));
        text.Append("Next days:");
        for (var d = 1; d <= 7; d++)
            text.Append(Invariant($" {today.AddDays(d).DayOfWeek} {today.AddDays(d):yyyy-MM-dd};"));
        text.AppendLine();
        text.AppendLine("Services (id: name, minutes; other names customers use):");
        foreach (var s in business.Services)
            text.AppendLine(Invariant($"- {s.Id}: {s.Name}, {s.DurationMinutes}") + (s.Aliases.Count == 0 ? "" : $"; {string.Join(", ", s.Aliases)}"));
        text.AppendLine("Professionals (id: name, services):");
        foreach (var p in business.Professionals)
            text.AppendLine($"- {p.Id}: {p.Name}, {string.Join(' ', p.ServiceIds)}");
        text.AppendLine($"Hours: {HoursSummary(business)}");
        text.AppendLine($"The assistant last asked for: {Asked(context.Expecting)}");
        if (photos > 0) text.AppendLine(PhotoRules(photos, language ?? business.Business.Languages.FirstOrDefault()));
        text.AppendLine("Customer message:");
        text.Append(context.Text.Length > 0 || photos == 0 ? context.Text : "(no words, only the photos)");
        return text.ToString();
    }

    /// <summary>How to read the photos. The description fills a fixed reply ("Veo …"), so it is asked for as a phrase.</summary>
    private static string PhotoRules(int photos, Language language)
    {
        var (name, lead, example) = language == Language.En
            ? ("English", "I can see", "a short layered bob with bangs")
            : ("Spanish", "Veo", "un diseño de uñas francesas con flores");
        var sent = photos == 1 ? "a photo" : $"{photos} photos";
        return $"Photos: the customer sent {sent} with this message (after it). Read them with the words (a photo of nails points to "
            + "the manicure service), but take a date, time, name or email only from the words.\n"
            + $"photo_summary: what the photos show, as it matters to the request, as a short {name} phrase that completes \"{lead} …\" "
            + $"(e.g. \"{example}\"), without a final period; null if they show nothing you can describe.";
    }

    /// <summary>Per weekday, the merged working ranges of all professionals ("monday 09:00-19:00").</summary>
    internal static string HoursSummary(BusinessSnapshot business)
    {
        var days = new List<string>();
        foreach (var day in WeekFromMonday)
        {
            var merged = new List<WorkingRange>();
            foreach (var r in business.Professionals.SelectMany(p => p.Hours.For(day)).OrderBy(r => r.StartMinute))
            {
                if (merged.Count > 0 && r.StartMinute <= merged[^1].EndMinute)
                    merged[^1] = merged[^1] with { EndMinute = Math.Max(merged[^1].EndMinute, r.EndMinute) };
                else merged.Add(r);
            }
            var ranges = merged.Count == 0 ? "closed" : string.Join(", ", merged);
            days.Add($"{day.ToString().ToLowerInvariant()} {ranges}");
        }
        return string.Join("; ", days);
    }

    private static readonly DayOfWeek[] WeekFromMonday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static string Asked(Expectation expecting) => expecting switch
    {
        Expectation.Service => "which service they want",
        Expectation.Date => "the day",
        Expectation.Time => "the time",
        Expectation.Professional => "which professional (or anyone)",
        Expectation.Name => "the customer's name",
        Expectation.Email => "the customer's email address",
        Expectation.Confirmation => "a yes/no confirmation of the proposed appointment",
        Expectation.Choice => "a pick among numbered options it listed",
        Expectation.Business => "which business (a business code)",
        Expectation.WhichAppointment => "which of the customer's appointments (a numbered option)",
        Expectation.Reminder => "an answer to the appointment reminder it sent: 1 (or yes) confirms, 2 cancels, 3 changes the time (the number is the choice)",
        _ => "nothing (this may start a conversation)",
    };

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
