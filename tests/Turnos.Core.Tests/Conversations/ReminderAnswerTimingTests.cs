using Turnos.Core.Booking;
using Turnos.Core.Conversations;
using static Turnos.Core.Tests.Conversations.Dialogue;
using static Turnos.Core.Tests.Conversations.ReminderAnswerTests;
using static Turnos.Core.Tests.DemoBusiness;

namespace Turnos.Core.Tests.Conversations;

/// <summary>Which message answers a reminder: the first one after it. A reminder sent after the customer's last message wins
/// over what the conversation asked before it; once a turn has seen it, an old "1" is a "1" like any other.</summary>
public class ReminderAnswerTimingTests
{
    private static readonly Reminded Reminder = new(Corte, Sent);

    /// <summary>A corte on Wednesday asked for at <paramref name="at"/>: the free times are listed, "1" would pick the first.</summary>
    private static ConversationState OfferingTimes(DateTimeOffset at)
    {
        var d = Hear(Booked() with { LastActivityUtc = at.AddMinutes(-1) }, "quiero otro corte el miércoles", Facts(name: "Juan", now: at));
        Assert.Equal(Expectation.Choice, d.State.Expecting);
        return d.State;
    }

    [Fact]
    public void Expecting_TheReminder_OnlyWhileItAwaitsAnAnswer()
    {
        Assert.Equal(Expectation.Reminder, ConversationEngine.Expecting(Booked(), Reminder));
        Assert.Equal(Expectation.Reminder, ConversationEngine.Expecting(Fresh, Reminder)); // booked by the business, never wrote
        Assert.Equal(Expectation.Reminder, ConversationEngine.Expecting(Booked() with { ReminderSeen = new("tue", Sent.AddDays(-1)) }, Reminder));
        Assert.Equal(Expectation.None, ConversationEngine.Expecting(Booked() with { ReminderSeen = Reminder.Ref }, Reminder));
        Assert.Equal(Expectation.None, ConversationEngine.Expecting(Booked() with { LastActivityUtc = Sent.AddSeconds(1) }, Reminder));
        Assert.Equal(Expectation.None, ConversationEngine.Expecting(Booked(), null));
    }

    [Fact]
    public void Decide_AnOldOneAfterTheReminderWasSeen_IsNotReadAsItsAnswerAgain()
    {
        var facts = Reminded();
        var hello = Hear(Booked(), "hola", facts);
        Assert.Equal(Reminder.Ref, hello.State.ReminderSeen);

        var later = Hear(hello.State, "1", facts with { NowUtc = Now.AddHours(1) });

        Assert.Null(later.Effect);
        Assert.Equal(ConversationMode.None, later.State.Mode);
        var confirmed = ConversationEngine.Complete(Hear(Booked(), "1", facts), new EffectOutcome.Confirmed(Corte), facts);
        Assert.Null(Hear(confirmed.State, "1", facts with { NowUtc = Now.AddHours(1) }).Effect);
    }

    [Fact]
    public void Decide_ReminderAfterTheLastMessage_WinsOverWhatTheConversationAskedBefore()
    {
        var d = Hear(OfferingTimes(Now.AddHours(-2)), "1", Reminded());

        Assert.Equal(new TurnEffect.Confirm("tue"), d.Effect);
        Assert.Empty(d.State.Offered);
    }

    [Fact]
    public void Decide_CustomerWroteAfterTheReminder_TheirConversationGoesOn()
    {
        var offering = OfferingTimes(Sent.AddMinutes(1));

        var d = Hear(offering, "1", Reminded());

        Assert.Null(d.Effect);
        Assert.Equal((ConversationMode.Booking, offering.Offered[0]), (d.State.Mode, d.State.Pending));
    }

    [Fact]
    public void Decide_SomethingElseAfterTheReminder_IsANewConversation()
    {
        var d = Hear(OfferingTimes(Now.AddHours(-2)), "¿cuánto sale la barba?", Reminded());

        Assert.Null(d.Effect);
        Assert.StartsWith("*Barba*", d.Replies[0]); // no greeting: the reminder introduced the bot
        Assert.Equal((ConversationMode.Booking, Expectation.Date, "barba"), (d.State.Mode, d.State.Expecting, d.State.Draft.ServiceId));
        Assert.Equal(Reminder.Ref, d.State.ReminderSeen);
    }

    [Fact]
    public void Decide_AnswerWhileWaitingForAPerson_KeepsTheRequestForThem()
    {
        var d = Hear(Booked() with { HandoffRequested = true }, "1", Reminded());

        Assert.Equal(new TurnEffect.Confirm("tue"), d.Effect);
        Assert.True(d.State.HandoffRequested);
    }

    [Fact]
    public void Decide_CustomerWhoNeverWrote_AnswersOne_ConfirmsWithoutAGreeting()
    {
        var d = Hear(Fresh, "1", Reminded());

        Assert.Equal(new TurnEffect.Confirm("tue"), d.Effect);
        Assert.Empty(d.Replies);
    }
}
