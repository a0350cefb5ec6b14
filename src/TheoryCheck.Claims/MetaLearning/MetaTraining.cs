// Meta-training of coin predictors on a task distribution (p1 §4.3): Adam, clip 1.0, loss = Σ_t, mean over batch,
// a fresh batch every step. Composes the generic trainer; the cache means a suite run trains each model once.
using System.Globalization;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Claims.MetaLearning;

/// <summary>Pretraining budget. Steps, Batch, Length ≥ 1; LearningRate &gt; 0.</summary>
/// <param name="CosineDecay">Anneal lr to 0 (our ci calibration); false = constant lr as in the paper.</param>
public sealed record MetaBudget(int Steps, int Batch, int Length, double LearningRate, bool CosineDecay = false)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Steps} steps × batch {Batch} × length {Length}, lr {LearningRate:G3}{(CosineDecay ? " cosine" : "")}");
}

/// <summary>A model to meta-train: architecture, pretraining distribution, budget, seeds.</summary>
public sealed record MetaTrainingSpec(ModelConfig Model, TaskDistribution Prior, MetaBudget Budget, SeedPlan Seeds)
{
    /// <summary>Canonical cache key: everything that determines the trained weights.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"coin-predictor v1|{Model}|prior={Prior.Name}|{Budget.Steps},{Budget.Batch},{Budget.Length},{Budget.LearningRate:R},{Budget.CosineDecay}|init={Seeds.Init}|data={Seeds.Data}|torchsharp=0.107.0|threads={TorchRuntime.Threads}|{TorchRuntime.NumericPolicy}");

    public override string ToString() => $"{Model} on {Prior.Name}, {Budget}";
}

public static class MetaTraining
{
    static readonly object InitLock = new();

    /// <summary>Builds the model with weights initialised from the init seed (torch's module init reads the global RNG).</summary>
    public static CoinPredictor Create(ModelConfig config, ulong initSeed)
    {
        lock (InitLock)
        {
            manual_seed((long)initSeed);
            var model = new CoinPredictor(config);
            model.to(TorchRuntime.Device);
            return model;
        }
    }

    /// <summary>The trained model (from the cache when present). The caller owns and disposes it.</summary>
    public static CoinPredictor Get(MetaTrainingSpec spec, Action<string> log)
    {
        var model = ModelCache.GetOrTrain(spec.Key, () => Create(spec.Model, spec.Seeds.Init),
            m => Train(m, spec, log), log, out bool cached);
        if (cached) log($"  {spec.Model.Name}: loaded meta-trained weights from cache ({spec.Prior.Name})");
        return model;
    }

    /// <summary>Meta-trains in place; returns the per-step losses.</summary>
    public static TrainReport Train(CoinPredictor model, MetaTrainingSpec spec, Action<string> log)
    {
        var taskRng = spec.Seeds.DataRandom();
        using var bitsRng = new Generator((ulong)spec.Seeds.Data);
        var budget = spec.Budget;
        int lastPct = -1;
        var report = Trainer.Fit(model.parameters(), _ =>
        {
            var taus = new double[budget.Batch];
            for (int i = 0; i < taus.Length; i++) taus[i] = spec.Prior.SampleBias(taskRng);
            var bits = CoinBatches.SampleBits(taus, budget.Length, bitsRng);
            return CoinBatches.SummedLogLoss(model.forward(CoinBatches.Inputs(bits)), bits);
        }, new OptimiserConfig(budget.Steps, budget.LearningRate, CosineDecay: budget.CosineDecay), p =>
        {
            int pct = 10 * p.Step / p.Steps;
            if (pct != lastPct || p.Step == p.Steps)
            {
                lastPct = pct;
                log(string.Create(CultureInfo.InvariantCulture,
                    $"  meta-training {spec.Model.Name} on {spec.Prior.Name}: step {p.Step}/{p.Steps} loss {p.Loss:F3} ({p.Elapsed.TotalSeconds:F0} s)"));
            }
        }, label: $"meta-training {spec.Model.Name}");
        log(string.Create(CultureInfo.InvariantCulture, $"  meta-trained {spec.Model.Name} in {report.Seconds:F1} s, final loss {report.FinalLoss:F3}"));
        return report;
    }
}
