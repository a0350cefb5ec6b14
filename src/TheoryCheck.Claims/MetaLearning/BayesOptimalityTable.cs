// The MB family's result table: per architecture × prior, KL to Bayes, regret at N = 50/100/200, and the worst |ΔP(1)| over
// the count grid n ≤ 40. Each regret stands next to exact Bayes on the very same sequences and their paired difference: a
// sample mean beside the population value alone read as "beats Bayes" (1.529 ± 0.018 vs 1.568, where the paired excess is
// +0.001). Regret beyond the training length is reported without a bound.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Claims.MetaLearning;

public sealed class BayesOptimalityTable : ITableSource
{
    public static readonly BayesOptimalityTable Instance = new();
    static readonly int[] Horizons = { 50, 100, 200 };
    const int GridMax = 40;

    public string Name => "MetaLearning.BayesOptimality";
    public string Family => MetaLearningFamily.Key;
    public bool IsSnapshot => true;

    public IReadOnlyList<string> Shows { get; } = new[] { "MB-1", "MB-2", "MB-3" };

    /// <summary>MB-1 and MB-2 are the Beta(1,1) rows' KL; MB-3's |ΔP(1)| bound is the grid column on the same rows (one
    /// ordering per count state where the claim takes eight).</summary>
    public IReadOnlyList<ClaimCell> ClaimCells { get; } = new ClaimCell[]
    {
        new("MB-1", "kl_per_step", "lstm-e16-h64 | beta:1,1", "kl_per_step"),
        new("MB-2", "kl_per_step", "transformer-d32-h4 | beta:1,1", "kl_per_step"),
        new("MB-3", "max_abs_dp1", "lstm-e16-h64 | beta:1,1", "max_abs_dp1_grid"),
        new("MB-3", "max_abs_dp1", "transformer-d32-h4 | beta:1,1", "max_abs_dp1_grid"),
    };

    public ResultTable Build(RunContext ctx)
    {
        var preset = MetaLearningSetup.Preset(ctx.Scale);
        var columns = new List<string> { "model", "prior", "kl_per_step" };
        foreach (int n in Horizons) { columns.Add($"regret@{n}"); columns.Add($"bayes_same@{n}"); columns.Add($"excess@{n}"); columns.Add($"bayes@{n}"); }
        columns.Add("max_abs_dp1_grid");
        var tol = new Dictionary<string, Tolerance> { ["kl_per_step"] = new(2e-5, SeMultiple: 4), ["max_abs_dp1_grid"] = new(0.008, Rel: 0.2) };
        foreach (int n in Horizons)
        {
            tol[$"regret@{n}"] = new(0.05, SeMultiple: 4); tol[$"bayes_same@{n}"] = new(1e-4);
            tol[$"excess@{n}"] = new(0.01, SeMultiple: 4); tol[$"bayes@{n}"] = new(1e-4);
        }
        var table = new ResultTable(Name, $"Meta-trained predictors vs the exact Bayes predictor ({ctx.Scale.Name()} scale)", columns,
            new[] { $"source: p1 §2.1, §4.3 (claims MB-1…MB-3). models: {MetaLearningSetup.Describe(ctx.Scale)}; seed {ctx.Seed}; device {Torch.TorchRuntime.DeviceName}",
                    $"evaluation: {preset.EvalSequences * 2} sequences of length {Horizons.Max()} drawn from the row's prior; KL over the first {preset.KlLength} steps; value ± SE over sequences",
                    "regret beyond the pretraining length is reported without a bound; bayes_same@N: exact Bayes on the same sequences (± SE over them); excess@N: model − Bayes per sequence, mean ± SE (paired); bayes@N: the population value (binomial sums)",
                    "why these tolerances: the same seed and thread count reproduce byte-identical values; retrained at 2 torch threads, both LSTM rows come out identical and the Transformer row within 1.3 SE (regret@200 3.927 vs 3.867); before the numeric policy the beta:5,1 grid error once moved 0.119 vs 0.141, hence 4 SE + floor, and 0.008 + 20 % on the grid column (no SE); the floors (KL 2e-5, grid 0.008) cover the spread over seeds 1-10 and keep MB-1…MB-3's cells gated inside their bounds (docs/reproducibility.md#8-snapshot-tolerances)",
                    "the beta:5,1 row is the MB-3 control model; its grid error is large where its own prior puts almost no mass (many zeros)" },
            tol);
        var rows = new (Architecture Arch, RandomCoins Prior)[]
        {
            (Architecture.Lstm, MetaLearningSetup.Uniform), (Architecture.Transformer, MetaLearningSetup.Uniform),
            (Architecture.Lstm, PosteriorTracking.SkewedPrior),
        };
        // On a cold cache the three networks train side by side: the two LSTMs in one lane while the Transformer, the long one,
        // trains in the other (one after the other: 4 min 48 s of a cold .ci/run, docs/performance.md).
        MetaLearningSetup.Warm(ctx, rows.Select(r => (r.Arch, (TaskDistribution)r.Prior)).ToArray());
        foreach (var (arch, prior) in rows)
        {
            var model = MetaLearningSetup.Pretrained(arch, prior, ctx);
            var bayes = new BetaBernoulliPredictor(prior);
            var (bits, biases) = Scores.EvalSet(prior, ctx.Seeds(SeedPurposes.MetaLearningEvaluation).Eval, 0, preset.EvalSequences * 2, Horizons.Max());
            var p1 = model.PredictOnes(bits);
            var row = new List<object> { model.Config.Name, prior.Name, MeanCell(Scores.KlPerStep(p1, bits, bayes, preset.KlLength), 6) };
            foreach (int n in Horizons)
            {
                var net = MonteCarloRegret.At(p1, bits, biases, n);
                var exact = bits.Select((b, i) => MonteCarloRegret.SequenceCurve(bayes, b, biases[i], n)[n]).ToArray();
                row.Add(MeanCell(net, 4)); row.Add(MeanCell(exact, 4));
                row.Add(MeanCell(net.Zip(exact, (a, b) => a - b).ToArray(), 4)); row.Add(Regret.At(bayes, prior, n));
            }
            row.Add(GridError(model, bayes));
            table.Add(row.ToArray());
        }
        return table;
    }

    static Cell MeanCell(IReadOnlyList<double> values, int decimals)
    {
        var m = Measurement.MeanOf(values);
        return new Cell(m.Value, m.Se, decimals);
    }

    /// <summary>Max over every (k, n), n ≤ 40, of |model P(1) − Bayes P(1)| after one fixed ordering with those counts.</summary>
    static double GridError(CoinNetwork model, ICountPredictor bayes)
    {
        var states = (from n in Enumerable.Range(0, GridMax + 1) from k in Enumerable.Range(0, n + 1) select (k, n)).ToArray();
        double worst = 0;
        foreach (var group in states.GroupBy(s => s.n))
        {
            var seqs = group.Select(s => PosteriorTracking.RandomOrderings(s.k, s.n, 1, new Random(SeedPurposes.GridOrdering(s.k, s.n)))[0]).ToArray();
            var final = PosteriorTracking.FinalPredictions(CoinSubject.Of(model), seqs);
            worst = Math.Max(worst, group.Select((s, i) => Math.Abs(final[i] - bayes.PredictOne(s.k, s.n))).Max());
        }
        return worst;
    }
}
