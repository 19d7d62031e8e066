using Turnos.Core.Conversations;

namespace Turnos.Functions.LanguageModel;

/// <summary>
/// Combines the model's reading with the rules' reading of the same message. The model wins wherever it
/// gave a value; the rules fill only what it left empty (they are cheap, deterministic and sometimes catch
/// a detail the model skipped, e.g. an email it did not copy). Related fields move as a group, so the result
/// never mixes two readings of the same fact (an exact time from one and a period from the other).
/// </summary>
internal static class UnderstandingMerge
{
    public static Understanding Merge(Understanding model, Understanding rules)
    {
        var merged = model;
        if (model.Intent == Intent.Other) merged = merged with { Intent = rules.Intent };
        if (model.Date is null) merged = merged with { Date = rules.Date };
        if (model.Time is null && model.TimeRange is null)
            merged = merged with { Time = rules.Time, TimeRange = rules.TimeRange };
        if (model.ServiceId is null) merged = merged with { ServiceId = rules.ServiceId };
        // The model names one service; when the rules read a visit ("corte y barba") that includes it, the visit wins.
        if (model.ServiceIds.Count == 0 && rules.ServiceIds.Count > 1 && (model.ServiceId is null || rules.ServiceIds.Contains(model.ServiceId)))
            merged = merged with { ServiceId = rules.ServiceIds[0], ServiceIds = rules.ServiceIds };
        if (model.ProfessionalId is null && !model.AnyProfessional)
            merged = merged with { ProfessionalId = rules.ProfessionalId, AnyProfessional = rules.AnyProfessional };
        if (model.Name is null && model.NameProblem is null)
            merged = merged with { Name = rules.Name, NameProblem = rules.NameProblem };
        if (model.Email is null && model.EmailProblem is null)
            merged = merged with { Email = rules.Email, EmailProblem = rules.EmailProblem };
        // Only the rules read these: the day a move starts from, and a name to take after asking twice.
        if (merged.Date == rules.Date) merged = merged with { FromDate = rules.FromDate };
        if (merged.Name is null) merged = merged with { PlausibleName = rules.PlausibleName };
        if (model.Choice is null) merged = merged with { Choice = rules.Choice };
        if (model.BusinessCode is null) merged = merged with { BusinessCode = rules.BusinessCode };
        // The language is the rules' call: detected from the words, sticky for the conversation.
        // What came with the message is the context's, as the rules carry it.
        return merged with { Source = UnderstandingSource.LanguageModel, Language = rules.Language, Attachments = rules.Attachments };
    }
}
