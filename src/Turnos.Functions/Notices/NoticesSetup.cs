namespace Turnos.Functions.Notices;

public static class NoticesSetup
{
    /// <summary>Notices to professionals of their new, cancelled and moved appointments (see <see cref="NoticeOrchestrator"/>).</summary>
    public static IServiceCollection AddNotices(this IServiceCollection services) => services.AddSingleton<NoticeStarter>();
}
