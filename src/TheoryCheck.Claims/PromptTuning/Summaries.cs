// How PT claims and tables turn runs into measurements: median over tuning seeds (p1 §4.5 reports medians), differences of
// measurements on the same evaluation set, and the exact ideal baselines.
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Claims.PromptTuning;

public static class Summaries
{
    /// <summary>
    /// Median over repetitions of regret@n. Its SE covers both sources of spread: the seeded bootstrap SE of the median over
    /// tuning seeds, and the evaluation SE (over sequences) of the median repetition, added in quadrature. With 3 repetitions
    /// (ci) the bootstrap is coarse; with one, only the evaluation SE remains.
    /// </summary>
    public static Measurement Median(IReadOnlyList<RunOutcome> reps, int n)
    {
        var at = reps.Select(r => r.At(n)).OrderBy(m => m.Value).ToArray();
        var mid = at[(at.Length - 1) / 2];
        if (at.Length == 1) return mid;
        var seeds = Bootstrap.Median(at.Select(m => m.Value).ToArray(), SeedPurposes.RepetitionBootstrap);
        return new Measurement(seeds.Value, Math.Sqrt(seeds.Se * seeds.Se + mid.Se * mid.Se), mid.Samples,
            FormattableString.Invariant($"median over {at.Length} tuning seeds; SE: bootstrap over the seeds (±{seeds.Se:G2}) and over {mid.Samples} evaluation sequences (±{mid.Se:G2})"));
    }

    /// <summary>
    /// The mean of one measurement per independent draw (PT-7's untrained inits). SE: the spread between draws over √n, and
    /// the draws' own evaluation SE, added in quadrature; with one draw, that draw.
    /// </summary>
    public static Measurement MeanOverDraws(IReadOnlyList<Measurement> draws, string what)
    {
        if (draws.Count == 1) return draws[0];
        double n = draws.Count, mean = draws.Average(d => d.Value);
        double between = draws.Sum(d => (d.Value - mean) * (d.Value - mean)) / (n - 1);
        double within = draws.Average(d => d.Se * d.Se);
        return new Measurement(mean, Math.Sqrt((between + within) / n), draws.Min(d => d.Samples),
            FormattableString.Invariant($"mean over {draws.Count} {what}; SE: their spread (±{Math.Sqrt(between / n):G2}) and {draws[0].Samples} evaluation sequences (±{Math.Sqrt(within / n):G2})"));
    }

    /// <summary>(median, q25, q75) over repetitions of regret@n.</summary>
    public static (double Median, double Q25, double Q75) Quartiles(IReadOnlyList<RunOutcome> reps, int n)
    {
        var v = reps.Select(r => r.MeanCurve[n]).ToArray();
        return (Bootstrap.Quantile(v, 0.5), Bootstrap.Quantile(v, 0.25), Bootstrap.Quantile(v, 0.75));
    }

    /// <summary>a − c for an exact constant c.</summary>
    public static Measurement Minus(Measurement a, double c) => a with { Value = a.Value - c };

    /// <summary>a / b with a delta-method SE (independent errors).</summary>
    public static Measurement Ratio(Measurement a, Measurement b, string what = "ratio of means (delta method)")
    {
        double r = a.Value / b.Value;
        double se = Math.Abs(r) * Math.Sqrt(Math.Pow(a.Se / a.Value, 2) + Math.Pow(b.Se / b.Value, 2));
        return new Measurement(r, double.IsFinite(se) ? se : double.PositiveInfinity, Math.Min(a.Samples, b.Samples), what);
    }

    /// <summary>Paired per-sequence difference a_i − b_i on the same evaluation sequences.</summary>
    public static Measurement Paired(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        Measurement.MeanOf(a.Zip(b, (x, y) => x - y).ToArray(), "paired sequences");

    /// <summary>Exact regret@n of an ideal baseline for a pretraining distribution and target (p1 §2.6, §5.2).</summary>
    public static double Ideal(IdealBaseline baseline, TaskDistribution pretrain, TaskDistribution target, int n, int prefixLength = PromptingSetup.PrefixLength)
        => IdealCurve(baseline, pretrain, target, n, prefixLength)[n];

    /// <summary>An ideal baseline as a predictor: P(next = 1 | k ones in t tokens). PreBayesPT is PreBayes after the best hard
    /// prefix of <paramref name="prefixLength"/> tokens chosen at N = 50, as in <see cref="IdealCurve"/>.</summary>
    public static Func<int, int, double> IdealPredictor(IdealBaseline baseline, TaskDistribution pretrain, TaskDistribution target,
                                                        int prefixLength = PromptingSetup.PrefixLength)
    {
        switch (baseline)
        {
            case IdealBaseline.TargetBayes: return BayesPredictor.For(target).PredictOne;
            case IdealBaseline.PreBayes: return BayesPredictor.For(pretrain).PredictOne;
            default:
                var best = Prompting.BestHardPrefix(pretrain, target, prefixLength, 50);
                return Prompting.WithHardPrefix(BayesPredictor.For(pretrain), best.Ones, best.Zeros);
        }
    }

    /// <summary>Exact regret curve (n = 0..N) of an ideal baseline. PreBayesPT uses the best hard prefix at the tuning length 50.</summary>
    public static double[] IdealCurve(IdealBaseline baseline, TaskDistribution pretrain, TaskDistribution target, int n,
                                      int prefixLength = PromptingSetup.PrefixLength)
    {
        switch (baseline)
        {
            case IdealBaseline.TargetBayes: return Regret.Curve(BayesPredictor.For(target), target, n);
            case IdealBaseline.PreBayes: return Regret.Curve(BayesPredictor.For(pretrain), target, n);
            default:
                var best = Prompting.BestHardPrefix(pretrain, target, prefixLength, Math.Min(n, 50));
                return Prompting.PromptedCurve(pretrain, best.Ones, best.Zeros, target, n);
        }
    }
}
