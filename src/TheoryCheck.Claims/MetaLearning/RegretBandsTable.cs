// A report-only table for the P1 figure: cumulative regret of the meta-trained LSTM and Transformer and of the exact Bayes
// predictor on the same evaluation sequences, as median and interquartile range over sequences at each horizon N.
// Not a snapshot (quantiles of a small eval set are for looking at); the gated numbers are in MetaLearning.BayesOptimality.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Claims.MetaLearning;

public sealed class RegretBandsTable : ITableSource
{
    public static readonly RegretBandsTable Instance = new();
    static readonly int[] Horizons = { 1, 5, 10, 20, 30, 40, 50, 75, 100, 125, 150, 175, 200 };

    public string Name => "MetaLearning.RegretBands";
    public string Family => MetaLearningFamily.Key;
    public bool IsSnapshot => false;

    public ResultTable Build(RunContext ctx)
    {
        var preset = MetaLearningSetup.Preset(ctx.Scale);
        var prior = MetaLearningSetup.Uniform;
        // The eval stream of MetaLearning.BayesOptimality, so the bands describe the sequences behind its mean ± SE cells.
        var (bits, biases) = Scores.EvalSet(prior, ctx.Seeds(SeedPurposes.MetaLearningEvaluation).Eval, 0, preset.EvalSequences * 2, Horizons.Max());
        var bayes = new BetaBernoulliPredictor(prior);
        var models = new[] { Architecture.Lstm, Architecture.Transformer }.Select(a => MetaLearningSetup.Pretrained(a, prior, ctx));
        var predictors = models.Select(m => (Name: m.Config.Name, P1: m.PredictOnes(bits)))
                               .Append(($"bayes {prior.Name}", bits.Select(b => bayes.PredictOnes(b)).ToArray())).ToArray();
        var table = new ResultTable(Name, $"Cumulative regret over evaluation sequences: median and interquartile range ({ctx.Scale.Name()} scale)",
            new[] { "predictor", "N", "median", "q25", "q75", "mean" },
            new[] { $"prior {prior.Name}; {bits.Length} sequences of length {Horizons.Max()}; models: {MetaLearningSetup.Describe(ctx.Scale)}; seed {ctx.Seed}",
                    "report-only figure data (not a snapshot): regret = model log-loss minus the log-loss of the sequence's true coin, in nats" });
        foreach (var (name, p1) in predictors)
            foreach (int n in Horizons)
            {
                var r = MonteCarloRegret.At(p1, bits, biases, n).Order().ToArray();
                table.Add(name, n, Bootstrap.Quantile(r, 0.5), Bootstrap.Quantile(r, 0.25), Bootstrap.Quantile(r, 0.75), r.Average());
            }
        return table;
    }
}
