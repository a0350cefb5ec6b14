// PT-1 (exact math, fast): what ideal conditioning by a prompt can and cannot do (p1 T2-T4, §5.2), on the Beta(1,1) Bayes
// predictor. Inside the support the best hard prefix's regret decays to 0 (at ≤ 1000/L², docs/derivations.md); a 50/50 two-coin mixture stays ≥ 0.75 nats from
// TargetBayes for every Beta posterior. That no hard prefix helps on a task outside the prior's support (the fair coin under the
// symmetric {0.2, 0.8} prior) holds by symmetry, so it is a unit test of the reference (ExactRegretFactsTests.NoHardPrefixHelpsOnTheNovelTask).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Claims.PromptTuning;

public sealed record CoinCase(double P)
{
    public SingleCoin Target => new(P);
    public override string ToString() => FormattableString.Invariant($"coin p = {P:0.###}");
}

public sealed class ExactPrompting : Claim<CoinCase>
{
    public static readonly ExactPrompting Claim = new();
    const int N = 50, Window = 64;

    /// <summary>The prefix lengths the decay rate is checked at: L = 64 … 1024, doubling.</summary>
    static readonly int[] Lengths = { 64, 128, 256, 512, 1024 };

    /// <summary>c in "best regret@50 ≤ c / L²": the exact maximum of L² · regret over p ∈ [0.05, 0.95] (1/1000 grid) and these L
    /// is 677 (p = 0.943, L = 1024), so 1000 leaves 1.48× (docs/derivations.md#pt-1).</summary>
    const double RateConstant = 1000;

    public override ClaimSpec Spec { get; } = new("PT-1", "P1", "T2-T4, §5.2 (exact math)", "PT",
        "Ideal conditioning on a single coin p ∈ [0.05, 0.95]: the best regret@50 over hard prefixes of length L decays to 0 at the rate ≤ 1000 / L² for L = 64, 128, …, 1024; " +
        "for the 50/50 {0.2, 0.8} mixture every Beta(a, b) posterior stays ≥ 0.75 nats above TargetBayes.",
        new[]
        {
            Bound.AtMost("max_L_sq_best_regret", RateConstant, "p1 T2 (best-prefix regret → 0); rate derived in docs/derivations.md#pt-1: ≈ N²/(4L²) + N·δ²/(2p(1−p)), exact maximum 677"),
            Bound.AtLeast("best_beta_minus_target_bayes_mixture", 0.75, "p1 §5.2 exact: 1.462 vs 0.693 (docs/bounds.md#pt-1)"),
        },
        "a Bayes predictor that conditions on only the last 64 prefix tokens (its regret stops falling at L = 64) must break the rate; " +
        "the mixture bound run on the single-coin target (inside the support a Beta posterior gets arbitrarily close) must fail",
        new ScalePresets("3 coins", "20 coins", "100 coins"), Fast: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(3, 20, 100);

    public override Gen<CoinCase> Cases(Scale scale) => Gen.Choose(50, 950).Select(k => new CoinCase(k / 1000.0));

    /// <summary>Coins closer to the fair coin, on the generator's 1/1000 grid.</summary>
    public override IEnumerable<CoinCase> Shrink(CoinCase c) => Shrinks.Toward(c.P, 0.5, 1 / 1000.0).Select(p => new CoinCase(p));

    public override CaseOutcome Evaluate(CoinCase c, RunContext ctx)
    {
        var prior = new RandomCoins(1, 1);
        double Best(int length) => Prompting.BestHardPrefix(prior, c.Target, length, N).Regret;
        double rate = Lengths.Max(l => (double)l * l * Best(l));
        // The near miss sees a window of 64 prefix tokens: the best it can be given is the best length-64 prefix, at every L.
        double windowed = Lengths.Max(l => (double)l * l * Best(Window));
        return new CaseOutcome(c.ToString(),
            new[] { Measurement.Exact(rate), Measurement.Exact(MixtureGap.Value) },
            new Measurement?[] { Measurement.Exact(windowed), Measurement.Exact(BetaGap(c.Target)) });
    }

    // The mixture fact does not depend on the drawn coin: computed once.
    static readonly Lazy<double> MixtureGap = new(() => BetaGap(PromptingSetup.TwoCoins));

    /// <summary>Best Beta posterior's regret@50 minus TargetBayes'.</summary>
    static double BetaGap(TaskDistribution target) =>
        Prompting.BestBetaPosterior(target, N).Regret - Regret.At(BayesPredictor.For(target), target, N);
}
