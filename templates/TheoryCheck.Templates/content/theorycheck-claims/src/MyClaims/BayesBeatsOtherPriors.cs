// MY-1, the worked claim: a Bayes predictor is optimal for its own prior. Against coins drawn from Beta(1, 1), Laplace's
// rule (the Bayes predictor of that prior) has lower expected regret than the Bayes predictor of any other Beta(a, a).
// Exact math (binomial sums): no sampling, so the bound is judged on exact values. Replace it with your own claim
// (docs/writing-a-claim.md in the TheoryCheck repository walks through each part).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;

namespace MyClaims;

/// <summary>One instance: the other prior's parameter a (≠ 1) and the horizon N.</summary>
public sealed record OtherPrior(double A, int N)
{
    public override string ToString() => FormattableString.Invariant($"Beta({A:0.##}, {A:0.##}), N = {N}");
}

public sealed class BayesBeatsOtherPriors : Claim<OtherPrior>
{
    public static readonly BayesBeatsOtherPriors Claim = new();
    static readonly TaskDistribution Uniform = new RandomCoins(1, 1);

    public override ClaimSpec Spec { get; } = new(
        Id: "MY-1", Paper: "Bayes decision theory", Source: "the Bayes predictor minimises expected log-loss under its prior", Family: "MY",
        Statement: "Against coins drawn from Beta(1, 1), Laplace's rule has lower expected regret@N than the Bayes predictor of " +
                   "any Beta(a, a) with a in [0.2, 5], a ≠ 1, for N in [5, 100].",
        Bounds: new[] { Bound.AtMost("laplace_minus_other", 0, "exact math: strict Bayes optimality; the swapped predictor is the near miss") },
        Control: "the other prior's predictor scored as if it were Laplace's rule (the two swapped) must fail",
        Presets: new ScalePresets("4 cases", "12 cases", "40 cases"), Fast: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(4, 12, 40);

    public override Gen<OtherPrior> Cases(Scale scale) =>
        from a in Gen.Choose(2, 50).Where(i => i != 10)
        from n in Gen.Choose(5, 100)
        select new OtherPrior(a / 10.0, n);

    public override CaseOutcome Evaluate(OtherPrior c, RunContext ctx)
    {
        double laplace = Regret.At(new BetaBernoulliPredictor(1, 1), Uniform, c.N);
        double other = Regret.At(new BetaBernoulliPredictor(c.A, c.A), Uniform, c.N);
        return new CaseOutcome(c.ToString(), new[] { Measurement.Exact(laplace - other) }, new Measurement?[] { Measurement.Exact(other - laplace) });
    }
}
