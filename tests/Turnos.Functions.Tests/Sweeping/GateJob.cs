using Turnos.Functions.Sweeping;

namespace Turnos.Functions.Tests.Sweeping;

/// <summary>A sweep job that waits until the test opens the gate, to hold a sweep (and its lease) open.</summary>
public sealed class GateJob : ISweepJob
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public string Name => "gate";

    public int Runs => Volatile.Read(ref _runs);

    public Task Entered => _entered.Task;

    public void Open() => _open.TrySetResult();

    public async Task<int> RunAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _runs);
        _entered.TrySetResult();
        await _open.Task.WaitAsync(ct);
        return 1;
    }
}

/// <summary>A sweep job that always fails.</summary>
public sealed class FailingJob : ISweepJob
{
    public string Name => "boom";

    public Task<int> RunAsync(CancellationToken ct) => throw new InvalidOperationException("customer +5491100000001 said no");
}
