using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// Rules-based understanding of English, with the same output as the Spanish rules and in the same order: the email
/// first, then greetings, business code, the customer's name, times, the option picked, the day, the professional and
/// the service, each taking its words; the intent last. Shared machinery: the tokenizer (with English spelling), the
/// clock reader, the catalog matchers (names, aliases, English service words), "at 3" read against the hours.
/// </summary>
internal static class EnglishUnderstanding
{
    public static Understanding Understand(UnderstandingContext context, string text)
    {
        var expecting = context.Expecting;
        var (email, emailProblem, rest) = EmailExpressions.Read(text, expecting);
        var u = Tokenizer.Read(rest, Language.En);
        var greeted = u.TakeAll(EnglishIntentWords.Greetings);
        var goodbye = u.Has(EnglishIntentWords.Goodbyes);
        var thanked = u.TakeAll(EnglishIntentWords.Farewells);
        var businessCode = BusinessCodes.Read(u, expecting);
        var (name, nameProblem) = NameExpressions.Read(u, expecting, EnglishNames.Vocabulary);
        var times = EnglishTimes.Read(u, expecting);
        var choice = expecting is Expectation.Choice or Expectation.WhichAppointment or Expectation.Reminder ? ChoiceExpressions.Read(u) : null;
        var today = DateOnly.FromDateTime(context.LocalNow);
        var monthFirst = DateOrder.MonthFirst(context.Business.Business);
        var (date, fromDate) = EnglishDates.Read(u, today, expecting, times.Today, monthFirst);
        var catalog = CatalogIndex.For(context.Business);
        var anyone = ProfessionalMatcher.MatchAnyone(u, expecting);
        var professional = catalog.Professionals.Match(u, expecting);
        var services = catalog.Services.MatchAll(u);
        var service = services.Count > 0 ? services[0] : null;
        var nowMinute = date == today ? context.LocalNow.Hour * 60 + context.LocalNow.Minute : (int?)null;
        var (time, range) = RulesUnderstanding.Resolve(times, context.Business, date, nowMinute);

        var hasFacts = service is not null || date is not null || time is not null || range is not null || professional is not null || anyone;
        var intent = EnglishIntentRules.Classify(u, expecting, hasFacts, greeted, thanked, goodbye, time is not null || range is not null);
        var plausible = expecting == Expectation.Name && name is null && email is null ? NameExpressions.Plausible(rest, EnglishNames.Vocabulary.IsKnown) : null;
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
}
