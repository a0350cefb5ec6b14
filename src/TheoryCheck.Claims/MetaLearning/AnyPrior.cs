// MB-5: meta-training on any Beta(α, β) prior, α, β ∈ [0.5, 5] drawn by FsCheck, yields that prior's Bayes predictor —
// priors the paper did not try. Each case meta-trains a fresh LSTM.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Claims.MetaLearning;

public sealed record BetaPriorCase(double Alpha, double Beta, int EvalSeed)
{
    public RandomCoins Prior => new(Alpha, Beta);
    public override string ToString() => FormattableString.Invariant($"Beta({Alpha:0.##},{Beta:0.##})");
}

public sealed class AnyPrior : Claim<BetaPriorCase>
{
    public static readonly AnyPrior Claim = new();
    /// <summary>Between truth and near miss (docs/power.md#mb-5): the ci LSTM measures at most 3.0e-5 (upper limit) over 20 drawn
    /// priors (seeds 1-10); the control sits at 3× the bound by construction, the exact Bayes of Beta(α, β + 0.2) at ≥ 4.8e-4 on
    /// seed 1's priors.</summary>
    const double BoundValue = 1e-4;

    public override ClaimSpec Spec { get; } = new("MB-5", "P1", "§2.1 (T0) for priors beyond the paper's Beta(1,1)", "MB",
        "An LSTM meta-trained on Beta(α, β), α, β ∈ [0.5, 5], is within per-step KL 1e-4 of that prior's Bayes predictor.",
        new[] { Bound.AtMost("kl_per_step", BoundValue, "our design (docs/power.md#mb-5): ci LSTM at most 3.0e-5 per step (upper limit) over 20 drawn priors, seeds 1-10; a near prior's Bayes at 3e-4 by construction") },
        "the same trained LSTM scored against the Bayes predictor of a near prior must fail: Beta(α + δ, β), δ set so that the exact KL between the two ideal predictors is 3× the bound (so the control applies to every draw)",
        new ScalePresets("1 prior", "2 priors, each a fresh ci-size LSTM", "3 priors at paper size"),
        EveryBoundControlled: true);

    /// <summary>The networks' meta-training steps (every network this claim reads, its control's included).</summary>
    public override IReadOnlyList<Maps.Axis> Axes { get; } = new[] { MetaLearningSetup.StepsAxis };

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 3);

    public override Gen<BetaPriorCase> Cases(Scale scale) =>
        from a in Gen.Choose(0, 90) from b in Gen.Choose(0, 90) from seed in Gen.Choose(1, int.MaxValue - 1)
        select new BetaPriorCase(0.5 + a / 20.0, 0.5 + b / 20.0, seed);

    /// <summary>The priors this run's cases meta-train on (the claim's own case stream), for MetaLearningSetup.WarmSharedNetworks.</summary>
    public IEnumerable<RandomCoins> DrawnPriors(RunContext ctx) => CaseStream.Draw(this, ctx.Scale, ctx.Seed).Select(c => c.Prior);

    public override CaseOutcome Evaluate(BetaPriorCase c, RunContext ctx)
    {
        var preset = MetaLearningSetup.Preset(ctx.Scale);
        var subject = MetaLearningSetup.Subject(Architecture.Lstm, c.Prior, ctx);
        var network = CoinSubject.Of(MetaLearningSetup.Pretrained(Architecture.Lstm, c.Prior, ctx));   // the control scores the real net
        var bayes = new BetaBernoulliPredictor(c.Prior);
        var near = NearMiss(c.Prior, preset.KlLength);
        Measurement Kl(CoinSubject model, ICountPredictor reference) => Sequential.Mean(
            (offset, count) => Scores.SubjectKl(model, c.Prior, reference, (ulong)c.EvalSeed, offset, count, preset.KlLength),
            Spec.Bounds[0], preset.EvalSequences, preset.EvalCap);
        return new CaseOutcome(FormattableString.Invariant($"{c} (control prior Beta({near.Alpha:0.###},{near.Beta:0.##}))"), new[] { Kl(subject, bayes) },
                               new[] { Kl(network, new BetaBernoulliPredictor(near)) });
    }

    /// <summary>The control's prior: the drawn one with α raised by δ until the exact KL between the two ideal predictors is 3× the
    /// bound. A near miss at a fixed distance from every draw: scoring against Beta(1,1) applied only where the draw was far from
    /// it (Beta(3.4, 1.4) is 0.0068 away, under the 2× threshold, and MB-5 went untested).</summary>
    public static RandomCoins NearMiss(RandomCoins prior, int length)
    {
        double Gap(double delta) => ExpectedKl(prior, new BetaBernoulliPredictor(new RandomCoins(prior.Alpha + delta, prior.Beta)), length);
        const double target = 3 * BoundValue;
        double lo = 0, hi = 1;
        while (Gap(hi) < target) hi *= 2;
        for (int i = 0; i < 60; i++)
        {
            double mid = (lo + hi) / 2;
            if (Gap(mid) < target) lo = mid; else hi = mid;
        }
        return new RandomCoins(prior.Alpha + hi, prior.Beta);
    }

    /// <summary>Exact E_x~prior[ mean_t KL(Bayes_prior(·|x_&lt;t) ‖ other(·|x_&lt;t)) ] over the first <paramref name="length"/> steps.</summary>
    public static double ExpectedKl(RandomCoins prior, ICountPredictor other, int length)
    {
        var bayes = new BetaBernoulliPredictor(prior);
        double sum = 0;
        for (int t = 0; t < length; t++)
            for (int k = 0; k <= t; k++)
                sum += Math.Exp(CoinMath.LogBetaBinomialPmf(t, k, prior.Alpha, prior.Beta))
                       * CoinMath.BernoulliKL(bayes.PredictOne(k, t), other.PredictOne(k, t));
        return sum / length;
    }
}
