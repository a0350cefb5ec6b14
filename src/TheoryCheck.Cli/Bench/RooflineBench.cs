// The roofline of this machine: libtorch's own fp32 matrix-product rate on a large square product (the practical peak a
// model step could approach), and the rate at the GEMM shapes our models actually run, which shows how far small products
// fall below that peak. Every model row of the bench is then read as a share of the reference rate at its thread count.
using TheoryCheck.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Cli.Bench;

/// <summary>One timed product (M × K) · (K × N) in fp32 at a thread count; GFLOP/s counts a multiply-add as 2.</summary>
public sealed record MatmulResult(string Shape, string Purpose, int M, int K, int N, int Threads, double MsPerProduct, double GflopPerSecond);

public static class RooflineBench
{
    /// <summary>Side of the reference product: large enough that MKL runs at its blocked peak, small enough (48 MiB) to time fast.</summary>
    public const int ReferenceSide = 2048;

    public const string ReferencePurpose = "reference";

    /// <summary>The reference square product and the model-shaped ones, each at 1 and 2 threads.</summary>
    public static IReadOnlyList<MatmulResult> Run(BenchPlan plan, Action<string> log)
    {
        var results = new List<MatmulResult>();
        try
        {
            foreach (var (m, k, n, purpose) in Shapes())
                foreach (int threads in ThroughputBench.ThreadCounts)
                {
                    log($"matmul {m} × {k} × {n} ({purpose}), {threads} thread(s)");
                    torch.set_num_threads(threads);
                    results.Add(Measure(m, k, n, purpose, threads, plan));
                }
        }
        finally { torch.set_num_threads(Torch.TorchRuntime.Threads); }
        return results;
    }

    /// <summary>The reference rate at <paramref name="threads"/>, or null when the bench did not time it.</summary>
    public static double? ReferenceRate(IReadOnlyList<MatmulResult> roofline, int threads) =>
        roofline.FirstOrDefault(r => r.Purpose == ReferencePurpose && r.Threads == threads)?.GflopPerSecond;

    /// <summary>
    /// The GEMMs of one training step of the paper-width models (MB presets at paper scale, batch B × length T):
    /// LSTM: the input projection of all time steps at once (B·T × E)·(E × 4H), and the recurrent product of one step
    /// (B × H)·(H × 4H), which runs T times in sequence; Transformer: the q, k, v projection (B·T × D)·(D × 3D) and the
    /// MLP's first layer (B·T × D)·(D × 4D). Plus the ci LSTM's recurrent product, the smallest shape we train.
    /// </summary>
    static IEnumerable<(int M, int K, int N, string Purpose)> Shapes()
    {
        yield return (ReferenceSide, ReferenceSide, ReferenceSide, ReferencePurpose);
        foreach (var b in BenchModel.All)
        {
            var c = b.Config;
            int rows = b.Batch * b.Length;
            if (c.Arch == Architecture.Lstm)
            {
                if (b.Name.EndsWith("paper", StringComparison.Ordinal))
                    yield return (rows, c.Embedding, 4 * c.Width, $"{b.Name}: input projection, all steps");
                yield return (b.Batch, c.Width, 4 * c.Width, $"{b.Name}: recurrent product, one step");
            }
            else if (b.Name.EndsWith("paper", StringComparison.Ordinal))
            {
                yield return (rows, c.Width, 3 * c.Width, $"{b.Name}: q, k, v projection");
                yield return (rows, c.Width, 4 * c.Width, $"{b.Name}: MLP up-projection");
            }
        }
    }

    static MatmulResult Measure(int m, int k, int n, string purpose, int threads, BenchPlan plan)
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(3);
        var a = randn(new long[] { m, k }, generator: gen).to(Torch.TorchRuntime.Device);
        var b = randn(new long[] { k, n }, generator: gen).to(Torch.TorchRuntime.Device);
        // Small products take microseconds: repeat each timed unit until it lasts about as long as one reference product,
        // so the timer's resolution and the call overhead stay small next to the work.
        int reps = (int)Math.Clamp(2.0 * ReferenceSide * ReferenceSide * ReferenceSide / (2.0 * m * k * n), 1, 4096);
        using var noGrad = no_grad();
        double ms = StepTimer.MedianMs(plan.Warmup, plan.Timed, () =>
        {
            // Each product allocates its output, as the models' products do; the scope frees it at once.
            for (int i = 0; i < reps; i++) { using var unit = NewDisposeScope(); a.mm(b); }
        }) / reps;
        double gflop = 2.0 * m * k * n / 1e9;
        return new MatmulResult($"{m} × {k} × {n}", purpose, m, k, n, threads, ms, gflop / (ms / 1e3));
    }
}
