using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// Rules-based understanding of everyday (Argentine, WhatsApp-style) Spanish: offline, deterministic and fast.
/// Reads the email first, then greetings, business code, the customer's name, times, the option picked, the day,
/// the professional and the service, each taking its words so the next does not read them again; the intent
/// comes last, from what is left. Every id returned exists in the snapshot.
/// </summary>
public static class RulesUnderstanding
{
    /// <summary>Longer messages are read up to here: nobody books in an essay, and it keeps the time bounded.</summary>
    public const int MaxTextLength = 2000;

    /// <summary>Detects the message's language (<see cref="LanguageDetector"/>) and reads it with that language's rules.</summary>
    public static Understanding Understand(UnderstandingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text ?? "";
        if (text.Length > MaxTextLength) text = text[..MaxTextLength];
        var language = LanguageDetector.Detect(text, context.Language, context.Business.Business.Languages);
        var understood = language == Language.En ? EnglishUnderstanding.Understand(context, text) : Spanish(context, text);
        return understood with { Language = language, Attachments = context.Attachments };
    }

    private static Understanding Spanish(UnderstandingContext context, string text)
    {
        var expecting = context.Expecting;

        var (email, emailProblem, rest) = EmailExpressions.Read(text, expecting);
        var u = Tokenizer.Read(rest);
        var greeted = u.TakeAll(IntentWords.Greetings);
        var goodbye = u.Has(IntentWords.Goodbyes) || SaysSeeYouOn(u);
        var thanked = u.TakeAll(IntentWords.Farewells);
        var businessCode = BusinessCodes.Read(u, expecting);
        var (name, nameProblem) = NameExpressions.Read(u, expecting);
        var times = TimeExpressions.Read(u, expecting);
        var choice = expecting is Expectation.Choice or Expectation.WhichAppointment or Expectation.Reminder ? ChoiceExpressions.Read(u) : null;
        var today = DateOnly.FromDateTime(context.LocalNow);
        var (date, fromDate) = DateExpressions.Read(u, today, expecting, times.Today);
        var catalog = CatalogIndex.For(context.Business);
        var anyone = ProfessionalMatcher.MatchAnyone(u, expecting);
        var professional = catalog.Professionals.Match(u, expecting);
        var services = catalog.Services.MatchAll(u);
        var service = services.Count > 0 ? services[0] : null;
        var nowMinute = date == today ? context.LocalNow.Hour * 60 + context.LocalNow.Minute : (int?)null;
        var (time, range) = Resolve(times, context.Business, date, nowMinute);

        var hasFacts = service is not null || date is not null || time is not null || range is not null || professional is not null || anyone;
        var intent = IntentRules.Classify(u, expecting, hasFacts, greeted, thanked, goodbye, time is not null || range is not null, service is not null);
        // Only used after the name was asked twice, whatever else the words seemed to say.
        var plausible = expecting == Expectation.Name && name is null && email is null ? NameExpressions.Plausible(rest) : null;
        return new Understanding
        {
            Intent = intent,
            Date = date,
            FromDate = fromDate,
            Time = time,
            TimeRange = range,
            ServiceId = service,
            ServiceIds = services,
            ProfessionalId = professional,
            AnyProfessional = anyone && professional is null,
            Name = name,
            NameProblem = nameProblem,
            PlausibleName = plausible,
            Email = email,
            EmailProblem = emailProblem,
            Choice = choice,
            BusinessCode = businessCode,
            Source = UnderstandingSource.Rules,
        };
    }

    // "hasta el jueves!", "hasta el lunes 😊": a leave-taking naming the day already booked, at the end of the message.
    private static bool SaysSeeYouOn(Utterance u)
    {
        var words = Enumerable.Range(0, u.Count).Where(i => u.Tokens[i].Kind == TokenKind.Word).ToList();
        return words.Count >= 3 && u.Tokens[words[^3]].Text == "hasta" && u.Tokens[words[^2]].Text == "el"
            && CalendarWords.Weekdays.ContainsKey(u.Tokens[words[^1]].Text);
    }

    // A time said outright wins over any window; "a la tarde" still helps read "a las 4" as 16:00.
    internal static (TimeOnly? Time, TimeWindow? Range) Resolve(TimeFacts facts, BusinessSnapshot business, DateOnly? date, int? nowMinute)
    {
        if (facts.Clock is null && facts.After is null && facts.Before is null) return (null, facts.Window);
        var hours = new BusinessHours(business, date);
        if (facts.Clock is { } clock) return (clock.Resolve(hours, facts.Window, nowMinute), null);
        var from = facts.After?.Resolve(hours, facts.Window, nowMinute) ?? TimeOnly.MinValue;
        var to = facts.Before?.Resolve(hours, facts.Window, null, asEnd: true) ?? DayWindows.EndOfDay;
        if (to <= from && facts.Before is { Ambiguous: true } before && before.Hour + 12 < 24 && new TimeOnly(before.Hour + 12, before.Minute) > from)
            to = new TimeOnly(before.Hour + 12, before.Minute);
        return to > from ? (null, new TimeWindow(from, to)) : (null, facts.Window);
    }
}
