// Median wall time of repeated work. The median, not the mean: on a shared machine one step that another process
// delays should not move the figure.
using System.Diagnostics;
using TheoryCheck.Torch;
using TorchSharp;

namespace TheoryCheck.Cli.Bench;

public static class StepTimer
{
    /// <summary>Runs <paramref name="work"/> warmup + timed times; the median milliseconds of the timed runs.</summary>
    public static double MedianMs(int warmup, int timed, Action work)
    {
        for (int i = 0; i < warmup; i++) { work(); Synchronize(); }
        var ms = new double[timed];
        for (int i = 0; i < timed; i++)
        {
            long start = Stopwatch.GetTimestamp();
            work();
            Synchronize();
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return Median(ms);
    }

    /// <summary>Median milliseconds between consecutive timestamps, skipping the first <paramref name="warmup"/> intervals.</summary>
    public static double MedianInterval(IReadOnlyList<long> timestamps, int warmup) =>
        Median(timestamps.Zip(timestamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Skip(warmup).ToArray());

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("median of no values");
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /// <summary>CUDA kernels run asynchronously: wait for them, or a timing measures only the launch.</summary>
    public static void Synchronize()
    {
        if (TorchRuntime.DeviceName == "cuda") torch.cuda.synchronize();
    }
}
