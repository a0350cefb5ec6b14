// Meta-training of coin predictors on a task distribution (p1 §4.3): Adam, clip 1.0, loss = Σ_t, mean over batch,
// a fresh batch every step. Composes the generic trainer; the cache means a suite run trains each model once.
using System.Globalization;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

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
        $"coin-predictor v1|{Model}|prior={Prior.Name}|{Budget.Steps},{Budget.Batch},{Budget.Length},{Budget.LearningRate:R},{Budget.CosineDecay}|init={Seeds.Init}|data={Seeds.Data}|{ModelCache.RuntimeKey}");

    public override string ToString() => $"{Model} on {Prior.Name}, {Budget}";
}

public static class MetaTraining
{
    /// <summary>The trained model (from the cache when present). The caller owns and disposes it.</summary>
    public static CoinNetwork Get(MetaTrainingSpec spec, Action<string> log)
    {
        var model = ModelCache.GetOrTrain(spec.Key, () => CoinNetwork.Create(spec.Model, spec.Seeds.Init),
            m => Train(m, spec, log), log, out bool cached);
        if (cached) log($"  {spec.Model.Name}: loaded meta-trained weights from cache ({spec.Prior.Name})");
        return model;
    }

    /// <summary>Meta-trains in place; returns the per-step losses.</summary>
    public static TrainReport Train(CoinNetwork model, MetaTrainingSpec spec, Action<string> log)
    {
        var budget = spec.Budget;
        var data = new CoinStream(spec.Prior.SampleBias, spec.Seeds.DataRandom(), spec.Seeds.Data, budget.Batch, budget.Length);
        int lastPct = -1;
        var report = model.MetaTrain(data, new OptimiserConfig(budget.Steps, budget.LearningRate, CosineDecay: budget.CosineDecay), p =>
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
