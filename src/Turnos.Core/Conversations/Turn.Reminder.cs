using Turnos.Core.Booking;

namespace Turnos.Core.Conversations;

/// <summary>
/// Answers to the reminder that went out after the customer's last message: 1 (or "sí", "confirmo") confirms that
/// appointment, 2 (or "cancelar", or a plain "no") asks the usual "¿lo cancelo?" about it, 3 (or "cambiar") moves it, to the
/// day and time in the same message or asking for them. Anything else is a new message of a conversation that starts over.
/// </summary>
internal sealed partial class Turn
{
    private enum ReminderAnswer { Confirm, Cancel, Change }

    /// <returns>Whether the message answered the reminder (then nothing else is read into it).</returns>
    private bool AnswerReminder()
    {
        if (reminded is not { Appointment: var a } || AnswerOf(u) is not { } answer) return false;
        if (a.Status != AppointmentStatus.Booked)
        {
            Say(R.NotActive);
            return true;
        }
        if (a.StartUtc <= facts.NowUtc)
        {
            Say(R.ReminderPast);
            return true;
        }
        var target = Choice(a);
        switch (answer)
        {
            case ReminderAnswer.Confirm:
                _effect = new TurnEffect.Confirm(a.Id);
                break;
            case ReminderAnswer.Cancel:
                _state = _state with { Mode = ConversationMode.Cancelling, Appointments = [target] };
                Select(target, withNewDate: false);
                break;
            default:
                _state = _state with { Mode = ConversationMode.Rescheduling, Appointments = [target] };
                Select(target, withNewDate: true);
                break;
        }
        return true;
    }

    // The number the reminder asked for wins: "3, el jueves a las 5" moves it there.
    private static ReminderAnswer? AnswerOf(Understanding u) => u.Choice switch
    {
        1 => ReminderAnswer.Confirm,
        2 => ReminderAnswer.Cancel,
        3 => ReminderAnswer.Change,
        _ => u.Intent switch
        {
            Intent.ConfirmYes => ReminderAnswer.Confirm,
            Intent.Cancel or Intent.ConfirmNo => ReminderAnswer.Cancel,
            Intent.Reschedule => ReminderAnswer.Change,
            _ => null,
        },
    };
}
