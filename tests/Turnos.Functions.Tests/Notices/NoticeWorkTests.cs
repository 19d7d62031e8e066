using Turnos.Core.Notices;
using Turnos.Functions.Notices;

namespace Turnos.Functions.Tests.Notices;

/// <summary>A notice's instance id: ids and the kind of change only, and read back to the same work.</summary>
public sealed class NoticeWorkTests
{
    [Theory]
    [InlineData(NoticeKind.New, "notice:demo:0190a1b2c3d4e5f60718293a4b5c6d7e:new")]
    [InlineData(NoticeKind.Cancelled, "notice:demo:0190a1b2c3d4e5f60718293a4b5c6d7e:cancelled")]
    [InlineData(NoticeKind.Moved, "notice:demo:0190a1b2c3d4e5f60718293a4b5c6d7e:moved")]
    public void InstanceId_RoundTrips(NoticeKind kind, string instanceId)
    {
        var work = new NoticeWork("demo", "0190a1b2c3d4e5f60718293a4b5c6d7e", kind);

        Assert.Equal(instanceId, work.InstanceId);
        Assert.Equal(work, NoticeWork.FromInstanceId(instanceId));
    }

    [Theory]
    [InlineData("notice:demo:a1:Moved")]
    [InlineData("notice:demo:a1:1")]
    [InlineData("notice:demo:a1")]
    [InlineData("reminders:demo:a1")]
    public void SomethingElse_IsRefused(string instanceId) =>
        Assert.Throws<ArgumentException>(() => NoticeWork.FromInstanceId(instanceId));
}
