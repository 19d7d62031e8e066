namespace Turnos.Core.Conversations;

/// <summary>What a reminder asks and what its answers get back (see <see cref="ReminderText"/> and Turn.Reminder).</summary>
internal abstract partial class ReplyTexts
{
    /// <summary>The reminder's last line: how to answer it. Once confirmed (an earlier reminder), only how to cancel or change.</summary>
    public abstract string HowToAnswerReminder(bool confirmed);

    public abstract string ReminderConfirmed(string line);

    /// <summary>An answer to a reminder whose appointment has started or gone by.</summary>
    public abstract string ReminderPast { get; }
}

internal sealed partial class SpanishReplyTexts
{
    public override string HowToAnswerReminder(bool confirmed) => confirmed
        ? "Ya lo confirmaste ✅ Si necesitas cancelarlo responde *2*, o *3* para cambiar el horario."
        : "Responde *1* para confirmar, *2* para cancelar o *3* para cambiar el horario.";

    public override string ReminderConfirmed(string line) => $"¡Gracias! Tu turno de {line} quedó confirmado ✅ ¡Te esperamos!";

    public override string ReminderPast => "Ese turno ya pasó.";
}

internal sealed partial class EnglishReplyTexts
{
    public override string HowToAnswerReminder(bool confirmed) => confirmed
        ? "You've already confirmed it ✅ To cancel it reply *2*, or *3* to change the time."
        : "Reply *1* to confirm, *2* to cancel or *3* to change the time.";

    public override string ReminderConfirmed(string line) => $"Thanks! Your appointment for {line} is confirmed ✅ See you then!";

    public override string ReminderPast => "That appointment has already gone by.";
}
