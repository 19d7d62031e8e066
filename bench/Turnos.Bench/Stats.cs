using System.Diagnostics;

namespace Turnos.Bench;

internal static class Stats
{
    public static List<double> Measure(int runs, Action action)
    {
        for (var i = 0; i < 20; i++) action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return times;
    }

    public static async Task<List<double>> MeasureAsync<T>(int runs, Func<Task<T>> action)
    {
        for (var i = 0; i < 10; i++) await action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return times;
    }

    public static void Report(string name, List<double> ms) =>
        Console.WriteLine($"{name}: median {Median(ms):F2} ms, p95 {Percentile(ms, 0.95):F2} ms, p99 {Percentile(ms, 0.99):F2} ms, " +
            $"min {ms.Min():F2} ms ({ms.Count} runs)");

    public static double Median(List<double> values) => Percentile(values, 0.5);

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
