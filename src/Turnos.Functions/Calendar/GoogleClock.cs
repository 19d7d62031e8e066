using Google.Apis.Util;

namespace Turnos.Functions.Calendar;

/// <summary>Google's library asks an <see cref="IClock"/> for the time; this one asks the app's
/// <see cref="TimeProvider"/>, so tests can move it.</summary>
public sealed class GoogleClock(TimeProvider time) : IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
