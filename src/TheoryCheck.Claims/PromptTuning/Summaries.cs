// How PT claims and tables turn runs into measurements: median over tuning seeds (p1 §4.5 reports medians), differences of
// measurements on the same evaluation set, and the exact ideal baselines.
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Claims.PromptTuning;

public static class Summaries
{
    /// <summary>
    /// Median over repetitions of regret@n; the SE is the evaluation SE of the median repetition (the spread over tuning seeds is
    /// what the table's quartiles show).
    /// </summary>
    public static Measurement Median(IReadOnlyList<RunOutcome> reps, int n)
    {
        var at = reps.Select(r => r.At(n)).OrderBy(m => m.Value).ToArray();
        var mid = at[(at.Length - 1) / 2];
        double median = Bootstrap.Quantile(at.Select(m => m.Value).ToArray(), 0.5);
        return new Measurement(median, mid.Se, mid.Samples,
            at.Length == 1 ? mid.Method : $"median over {at.Length} tuning seeds; SE over {mid.Samples} evaluation sequences");
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
