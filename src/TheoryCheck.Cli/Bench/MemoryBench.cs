// Figure 5: memory flatness. A long training run of the ci LSTM through the real Trainer; RSS after a full GC at step 200
// and at the last step. One dispose scope per step should keep it flat (target: within ±10 %; docs/performance.md). The .NET heap is
// read too: RSS growth with a flat heap is native (glibc keeping freed libtorch buffers; docs/performance.md).
using System.Diagnostics;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Cli.Bench;

/// <param name="ManagedMiB">Memory the .NET GC has committed: tells growth of the managed heap from native (libtorch, malloc) growth.</param>
public sealed record MemorySample(int Step, double RssMiB, double ManagedMiB);

/// <param name="RelativeChange">(final − baseline) / baseline.</param>
public sealed record MemoryResult(string Model, string Config, int Batch, int Length, int Steps, double BaselineMiB,
                                  double FinalMiB, double RelativeChange, IReadOnlyList<MemorySample> Samples);

public static class MemoryBench
{
    /// <summary>The batch of the run: small, so that 10,000 steps take about a minute.</summary>
    public const int Batch = 32;

    public static MemoryResult Run(BenchPlan plan, Action<string> log)
    {
        var b = BenchModel.All.First(m => m.Name == "lstm ci") with { Batch = Batch };
        int steps = plan.MemorySteps, baseline = BenchPlan.MemoryBaselineStep;
        // Read at baseline, every tenth of the run, and at the start of the last step: always at the same point of a step
        // (before its tensors exist, with Adam's state alive), so the readings compare like with like.
        var at = new SortedSet<int> { baseline, steps - 1 };
        for (int k = 1; k < 10; k++) at.Add(k * steps / 10);
        at.RemoveWhere(s => s < baseline);
        log($"memory: {b.Name} ({b.Config}), {b.Batch} × {b.Length}, {steps} steps");

        using var model = CoinModels.Create(b.Config, initSeed: 1);
        var data = new CoinStream(rng => rng.NextDouble(), new Random(1), BitSeed: 1, b.Batch, b.Length);
        var samples = new List<MemorySample>();
        CoinTraining.Fit(model, data, new OptimiserConfig(steps, LearningRate: 3e-3), label: "bench memory",
            beforeStep: step => { if (at.Contains(step)) samples.Add(Sample(step)); });
        double first = samples[0].RssMiB, last = samples[^1].RssMiB;
        return new MemoryResult(b.Name, b.Config.Name, b.Batch, b.Length, steps, first, last, (last - first) / first, samples);
    }

    /// <summary>Resident set size after a full collection, so that garbage the GC has not yet reclaimed does not count. The
    /// trainer holds the finalizer gate while steps run, so waiting for finalizers must free the finalizer first: without
    /// that, `bench` hung here for ever (found on 2026-12-01, after Trainer.Fit began holding the gate).</summary>
    static MemorySample Sample(int step)
    {
        FinalizerGate.Unparked(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        });
        using var self = Process.GetCurrentProcess();
        const double MiB = 1024.0 * 1024.0;
        return new MemorySample(step, self.WorkingSet64 / MiB, GC.GetGCMemoryInfo().TotalCommittedBytes / MiB);
    }
}
