namespace Turnos.Core.Conversations;

/// <summary>The customer's name in English: "my name is…", "I'm…", "this is…", "under the name…", or the bare answer
/// when the name was asked. The reading itself is <see cref="NameExpressions"/>'s, with English words.</summary>
internal static class EnglishNames
{
    /// <summary>Introductions that make what follows a name even if it is not one (so the problem is reported).</summary>
    private static readonly Phrases Strong = new(
        "my name is", "my name's", "name is", "name's", "the name is", "under the name", "under the name of", "in the name of",
        "name", "my name", "call me", "book it under", "put it under");

    /// <summary>"I'm John" is a name; "I'm free", "I'm looking for…" are not, so the next word must be unknown.</summary>
    private static readonly Phrases Weak = new("i'm", "i am", "this is", "it's", "it is", "here is", "here's");

    private static readonly Phrases Lead = new("hi", "hello", "hey", "yes", "ok", "sure", "it's", "its", "it", "is", "i'm", "my", "name", "this", "the");

    private static readonly IReadOnlySet<string> NeverFirst = new HashSet<string>
    {
        "the", "a", "an", "to", "for", "at", "in", "on", "my", "your", "and", "of", "is", "it", "this", "that", "i", "you", "not",
    };

    public static readonly NameExpressions.Vocabulary Vocabulary = new(Strong, Weak, Lead, NeverFirst, IsKnown);

    // "-ing", "-ed" and "-ly" words are verbs and adverbs ("I'm calling", "I'm interested"), never a first name.
    private static bool IsKnown(string word) =>
        EnglishWords.IsKnown(word) || word.Length > 4 && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal)
            || word.EndsWith("ly", StringComparison.Ordinal));
}
