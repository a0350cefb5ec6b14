// One generic training loop (conventions C12): Adam, global-norm clipping, one dispose scope per step, NaN guard.
// Blind to claims and models: the caller supplies the loss of a step.
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Training;

/// <summary>Optimiser settings of one run. Steps ≥ 1, LearningRate &gt; 0, ClipNorm &gt; 0 (p1 §4.3: Adam, clip 1.0, constant lr).</summary>
/// <param name="CosineDecay">Anneal the rate to 0 along a cosine (false = constant, as in the paper). Annealing removes the
/// step-to-step noise of the final iterate that small CPU budgets cannot average away.</param>
public sealed record OptimiserConfig(int Steps, double LearningRate, double ClipNorm = 1.0, bool CosineDecay = false)
{
    public double RateAt(int step) =>
        CosineDecay ? LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / Steps)) : LearningRate;

    public void Validate()
    {
        if (Steps < 1) throw new ArgumentException($"training steps must be ≥ 1, got {Steps}");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate must be > 0, got {LearningRate}");
        if (!(ClipNorm > 0)) throw new ArgumentException($"clip norm must be > 0, got {ClipNorm}");
    }
}

/// <summary>Progress of a run, reported at most every few steps.</summary>
public readonly record struct TrainProgress(int Step, int Steps, double Loss, TimeSpan Elapsed);

/// <summary>What a run leaves behind: plain numbers only.</summary>
public sealed record TrainReport(double[] Losses, double Seconds)
{
    public double FinalLoss => Losses.Length == 0 ? double.NaN : Losses[^1];
}

public static class Trainer
{
    /// <summary>
    /// Minimises <paramref name="stepLoss"/> over <paramref name="parameters"/>. <paramref name="stepLoss"/>(step) builds its
    /// batch and returns a scalar loss; it runs inside that step's dispose scope, so every tensor it makes is freed.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public static TrainReport Fit(IEnumerable<Parameter> parameters, Func<int, Tensor> stepLoss, OptimiserConfig config,
                                  Action<TrainProgress>? progress = null, string label = "training")
    {
        config.Validate();
        var trainable = parameters.Where(p => p.requires_grad).ToArray();
        if (trainable.Length == 0) throw new ArgumentException($"{label}: no trainable parameters");
        using var optimiser = optim.Adam(trainable, lr: config.LearningRate);
        var losses = new double[config.Steps];
        var clock = Stopwatch.StartNew();
        int every = Math.Max(1, config.Steps / 100);
        // Freed buffers go back to the OS once, when the run ends, not every 100 steps as before: a trim gives back pages
        // the next steps fault in again (10 % of PT-7's time in the kernel; the ci LSTM's SoftPT run 3.0 -> 2.1 s without
        // them). Within a run the footprint then holds at its working set (bench memory row; docs/performance.md).
        var gate = new GateByChunks();
        try
        {
            for (int step = 0; step < config.Steps; step++)
            {
                // Adam's step hands libtorch temporary Scalars (FinalizerGate): the finalizer stays parked while steps run and
                // drains between chunks, so a long run on one lane does not queue every dead object until it ends.
                gate.AtStep(step);
                using var scope = NewDisposeScope();
                if (config.CosineDecay)
                    foreach (var group in optimiser.ParamGroups) group.LearningRate = config.RateAt(step);
                optimiser.zero_grad();
                var loss = stepLoss(step);
                double value = loss.item<float>();
                if (!double.IsFinite(value))
                    throw new TrainingDivergedException($"{label}: loss became {value} at step {step + 1}/{config.Steps}");
                loss.backward();
                nn.utils.clip_grad_norm_(trainable, config.ClipNorm);
                optimiser.step();
                losses[step] = value;
                if (progress != null && (step % every == 0 || step == config.Steps - 1))
                    progress(new TrainProgress(step + 1, config.Steps, value, clock.Elapsed));
            }
        }
        finally
        {
            gate.Dispose();
            TorchRuntime.ReleaseFreedMemory();
        }
        return new TrainReport(losses, clock.Elapsed.TotalSeconds);
    }
}

public sealed class TrainingDivergedException(string message) : Exception(message);
