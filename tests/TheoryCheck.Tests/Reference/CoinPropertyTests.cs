// FsCheck properties of the exact coin reference (conventions C5): conjugacy by quadrature, normalisation, KL ≥ 0, pathwise mixture bound.
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Reference;

[Trait("Tier", "Fast")]
public sealed class CoinPropertyTests
{
    [Property(MaxTest = 100)]
    public Property BetaBernoulliPredictiveEqualsPosteriorMeanByQuadrature() =>
        Prop.ForAll(CoinGens.Shape.ToArbitrary(), CoinGens.Shape.ToArbitrary(), CoinGens.Counts.ToArbitrary(), (a, b, c) =>
        {
            // Likelihood scaled by its maximum so the integrals stay O(1) whatever (k, n). Tolerance 1e-11 is the sweet spot:
            // tighter targets hit the depth limit on the α, β < 1 endpoint singularities and get slower and less accurate.
            double mode = c.N == 0 ? 0.5 : (double)c.Ones / c.N;
            double logMax = CoinMath.LogSequenceProbability(c.Ones, c.N, mode);
            double Lik(double t) => Math.Exp(CoinMath.LogSequenceProbability(c.Ones, c.N, t) - logMax);
            double num = Integrate.GaussKronrod(t => t * Beta.PDF(a, b, t) * Lik(t), 0, 1, 1e-11, 15);
            double den = Integrate.GaussKronrod(t => Beta.PDF(a, b, t) * Lik(t), 0, 1, 1e-11, 15);
            double predictive = new BetaBernoulliPredictor(a, b).PredictOne(c.Ones, c.N);
            Assert.True(Math.Abs(num / den - predictive) <= 1e-9, $"a={a} b={b} k={c.Ones} n={c.N}: {num / den:R} vs {predictive:R}");
        });

    [Property]
    public Property MixturePosteriorSumsToOne() =>
        Prop.ForAll(CoinGens.Mixture.ToArbitrary(), CoinGens.Counts.ToArbitrary(), (m, c) =>
        {
            var post = new MixturePredictor(m).PosteriorWeights(c.Ones, c.N);
            Assert.All(post, w => Assert.InRange(w, 0, 1));
            Assert.Equal(1, post.Sum(), 1e-12);
        });

    [Property]
    public Property MixturePosteriorSurvivesLongLopsidedSequences() =>
        Prop.ForAll(CoinGens.Mixture.ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(), (m, n) =>
        {
            double p = new MixturePredictor(m).PredictOne(n, 5000);   // direct products would underflow here
            Assert.InRange(p, m.Components.Min(x => x.P) - 1e-12, m.Components.Max(x => x.P) + 1e-12);
        });

    [Property]
    public Property BernoulliKLIsNonNegativeAndZeroOnlyAtEquality() =>
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), CoinGens.Bias.ToArbitrary(), (i, p) =>
        {
            double tau = i / 1000.0, kl = CoinMath.BernoulliKL(tau, p);
            Assert.True(kl >= 0, $"KL({tau}‖{p}) = {kl}");
            if (Math.Abs(tau - p) > 1e-3) Assert.True(kl > 0);
            Assert.Equal(0, CoinMath.BernoulliKL(p, p), 1e-15);
        });

    [Property]
    public Property MixtureBayesPathwiseRegretIsAtMostMinusLogTrueWeight() =>
        Prop.ForAll(CoinGens.Mixture.ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), CoinGens.Bits.ToArbitrary(), (m, j, bits) =>
        {
            if (bits.Length == 0) return;
            var (w, p) = m.Components[j % m.Components.Count];
            var curve = MonteCarloRegret.SequenceCurve(new MixturePredictor(m), bits, p, bits.Length);
            Assert.All(curve, r => Assert.True(r <= -Math.Log(w) + 1e-9, $"regret {r} > -ln {w}"));
        });

    [Property]
    public Property SequencePredictionsMatchCountPredictions() =>
        Prop.ForAll(CoinGens.Mixture.ToArbitrary(), CoinGens.Bits.ToArbitrary(), (m, bits) =>
        {
            var pred = BayesPredictor.For(m);
            var seq = pred.PredictOnes(bits);
            Assert.Equal(bits.Length, seq.Length);
            for (int t = 0, k = 0; t < bits.Length; k += bits[t], t++)
                Assert.Equal(pred.PredictOne(k, t), seq[t]);
        });

    [Property]
    public Property HardPrefixOnBetaPredictorIsTheConjugatePosterior() =>
        Prop.ForAll(CoinGens.Shape.ToArbitrary(), CoinGens.Counts.ToArbitrary(), CoinGens.Counts.ToArbitrary(), (a, prefix, c) =>
        {
            var prior = new BetaBernoulliPredictor(a, 2 * a);
            int h = prefix.Ones, t = prefix.N - prefix.Ones;
            double viaPrefix = Prompting.WithHardPrefix(prior, h, t)(c.Ones, c.N);
            var post = Prompting.Condition(new RandomCoins(a, 2 * a), h, t);
            Assert.Equal(new BetaBernoulliPredictor(post).PredictOne(c.Ones, c.N), viaPrefix, 1e-14);
            Assert.Equal(viaPrefix, prior.AfterPrefix(h, t).PredictOne(c.Ones, c.N), 1e-14);
        });

    [Property]
    public Property ParserRoundTripsNames() =>
        Prop.ForAll(CoinGens.Printable.ToArbitrary(), d => Assert.Equal(d, TaskDistributionParser.Parse(d.Name)));

    [Property(MaxTest = 30)]
    public Property BayesPredictorHasLeastExpectedRegretOnItsOwnDistribution() =>
        Prop.ForAll(CoinGens.Mixture.ToArbitrary(), CoinGens.Shape.ToArbitrary(), CoinGens.Shape.ToArbitrary(), (m, a, b) =>
        {
            double bayes = Regret.At(BayesPredictor.For(m), m, 20);
            Assert.True(bayes <= Regret.At(new BetaBernoulliPredictor(a, b), m, 20) + 1e-12);
            double weightEntropy = -m.Components.Sum(x => x.Weight * Math.Log(x.Weight));
            Assert.True(bayes <= weightEntropy + 1e-9, $"expected regret {bayes} above H(w) = {weightEntropy}");
        });
}
