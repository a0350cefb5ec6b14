// Figures 1, 2 and 4: training-step time (the real Trainer: Adam, clip 1.0, summed log loss, fresh batch per step, as in
// meta-training) and forward-only throughput, each with 1 and 2 torch threads, with estimated FLOPs and achieved GFLOP/s.
using System.Diagnostics;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Cli.Bench;

/// <summary>One model at one thread count. Times are medians; GFLOP figures are estimates (<see cref="FlopEstimate"/>).</summary>
public sealed record ThroughputResult(string Model, string Config, int Batch, int Length, int Threads,
                                      double TrainMsPerStep, double TrainTokensPerSecond, double TrainGflopPerStep,
                                      double TrainGflopPerSecond, double ForwardMsPerBatch, double ForwardTokensPerSecond,
                                      double ForwardGflopPerSecond);

public static class ThroughputBench
{
    /// <summary>Thread counts compared: the runtime's default (1) against the 2 cores of the CI machine.</summary>
    public static readonly int[] ThreadCounts = { 1, 2 };

    public static IReadOnlyList<ThroughputResult> Run(BenchPlan plan, Action<string> log)
    {
        var results = new List<ThroughputResult>();
        try
        {
            foreach (var model in BenchModel.All)
                foreach (int threads in ThreadCounts)
                {
                    log($"training and forward: {model.Name} ({model.Config}, {model.Batch} × {model.Length}), {threads} thread(s)");
                    torch.set_num_threads(threads);
                    results.Add(Measure(model, threads, plan));
                }
        }
        finally { torch.set_num_threads(TorchRuntime.Threads); }
        return results;
    }

    static ThroughputResult Measure(BenchModel b, int threads, BenchPlan plan)
    {
        using var model = CoinModels.Create(b.Config, initSeed: 1);
        double trainMs = TrainStepMs(model, b, plan);
        double forwardMs = ForwardMs(model, b, plan);
        double trainFlops = FlopEstimate.TrainingStep(b), forwardFlops = FlopEstimate.Forward(b);
        return new ThroughputResult(b.Name, b.Config.Name, b.Batch, b.Length, threads,
            trainMs, b.TokensPerStep / (trainMs / 1e3), trainFlops / 1e9, trainFlops / 1e9 / (trainMs / 1e3),
            forwardMs, b.TokensPerStep / (forwardMs / 1e3), forwardFlops / 1e9 / (forwardMs / 1e3));
    }

    /// <summary>Runs Trainer.Fit itself and stamps the start of every step: step i lasts from its loss callback to the
    /// next one's (sampling, forward, backward, clipping, Adam), so the last of warmup + timed + 1 steps is not counted.</summary>
    static double TrainStepMs(CoinPredictor model, BenchModel b, BenchPlan plan)
    {
        var data = new CoinStream(rng => rng.NextDouble(), new Random(1), BitSeed: 1, b.Batch, b.Length);   // Beta(1,1) coins
        var starts = new List<long>();
        CoinTraining.Fit(model, data, new OptimiserConfig(plan.Warmup + plan.Timed + 1, LearningRate: 1e-3), label: $"bench {b.Name}",
            beforeStep: _ =>
            {
                StepTimer.Synchronize();
                starts.Add(Stopwatch.GetTimestamp());
            });
        return StepTimer.MedianInterval(starts, plan.Warmup);
    }

    /// <summary>Forward pass on one fixed batch in eval mode under no_grad, as the evaluator and HardPT run it.</summary>
    static double ForwardMs(CoinPredictor model, BenchModel b, BenchPlan plan)
    {
        using var scope = NewDisposeScope();
        using var bitsRng = new Generator(2);
        var inputs = CoinBatches.Inputs(CoinBatches.SampleBits(Enumerable.Repeat(0.5, b.Batch).ToArray(), b.Length, bitsRng));
        model.eval();
        try
        {
            using var noGrad = no_grad();
            return StepTimer.MedianMs(plan.Warmup, plan.Timed, () => { using var step = NewDisposeScope(); model.forward(inputs); });
        }
        finally { model.train(); }
    }
}
