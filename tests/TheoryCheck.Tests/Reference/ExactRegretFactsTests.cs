// The "more exact facts" of p1 §5.2 (random coins, log loss, novel task, 0.25/0.75 mixture, instant regrets) plus cross-checks by other routes.
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Reference;

[Trait("Tier", "Fast")]
public sealed class ExactRegretFactsTests
{
    static readonly RandomCoins Uniform = new(1, 1);
    static readonly BetaBernoulliPredictor Laplace = new(1, 1);
    static readonly CoinMixture Mix = new([(0.5, 0.2), (0.5, 0.8)]);
    static readonly SingleCoin Fair = new(0.5);

    [Theory]
    [InlineData(10, 0.854)]
    [InlineData(25, 1.247)]
    [InlineData(50, 1.568)]
    [InlineData(100, 1.900)]
    [InlineData(200, 2.239)]
    public void LaplaceRegretOnRandomCoinsMatchesClosedForm(int n, double expected)
    {
        double closed = Math.Log(n + 1) + Enumerable.Range(0, n + 1).Average(k => SpecialFunctions.BinomialLn(n, k)) - n / 2.0;
        double exact = Regret.At(Laplace, Uniform, n);
        Assert.Equal(closed, exact, 1e-10);
        Assert.Equal(expected, exact, 3);
    }

    [Theory]
    [InlineData(50, 26.568)]
    [InlineData(100, 51.900)]
    public void BayesCumulativeLogLossOnRandomCoins(int n, double expected)
    {
        double viaMarginal = Regret.BayesCumulativeLogLoss(Uniform, n);
        Assert.Equal(expected, viaMarginal, 3);
        Assert.Equal(viaMarginal, Regret.ExpectedLogLoss(Laplace.PredictOne, Uniform, n), 1e-10);   // independent route: oracle + Σ instant KL
        Assert.Equal(n / 2.0, Regret.OracleLogLoss(Uniform, n), 1e-12);                               // E[H(τ)] = 1/2 under Uniform
    }

    [Fact]
    public void BayesLogLossRoutesAgreeForMixtureAndSkewedBeta()
    {
        foreach (TaskDistribution d in new TaskDistribution[] { Mix, new RandomCoins(0.7, 2.5), new SingleCoin(0.3) })
            Assert.Equal(Regret.BayesCumulativeLogLoss(d, 40), Regret.ExpectedLogLoss(BayesPredictor.For(d).PredictOne, d, 40), 1e-9);
    }

    [Fact]
    public void OracleEntropyAndFirstStepRegret()
    {
        Assert.Equal(0.5004, CoinMath.BernoulliEntropy(0.2), 4);
        Assert.Equal(0.1927, CoinMath.BernoulliKL(0.2, 0.5), 4);
        Assert.Equal(0, CoinMath.BernoulliKL(0, 0));                       // 0·ln 0 = 0 at the corners
        Assert.Equal(-Math.Log(0.7), CoinMath.BernoulliKL(0, 0.3), 1e-12);
        Assert.Equal(double.PositiveInfinity, CoinMath.BernoulliKL(0.5, 0));
        Assert.Equal(Math.Log(2), CoinMath.BernoulliKL(1, 0.5), 1e-12);
    }

    [Theory]
    [InlineData(10, 1.02)]
    [InlineData(50, 7.87)]
    [InlineData(100, 17.43)]
    [InlineData(200, 37.46)]
    public void NovelTaskRegretOfMixturePretrainedPredictor(int n, double expected) =>
        Assert.Equal(expected, Regret.At(BayesPredictor.For(Mix), Fair, n), 2);

    [Fact]
    public void NoHardPrefixHelpsOnTheNovelTask()
    {
        double none = Regret.At(BayesPredictor.For(Mix), Fair, 50);
        for (int length = 1; length <= 8; length++)
        {
            var best = Prompting.BestHardPrefix(Mix, Fair, length, 50);
            Assert.True(best.Regret >= none - 1e-9, $"L={length}: prefix {best} beats no prefix ({none})");
            if (length % 2 == 0) Assert.Equal(best.Ones, best.Zeros);   // balanced ≡ no prefix
        }
        Assert.Equal(1.25, Regret.At(Laplace, Fair, 50), 2);
    }

    [Fact]
    public void BestMixingWeightOnTheFairCoinIsOneHalf()
    {
        double R(double w) => Regret.At(new MixturePredictor(new CoinMixture([(w, 0.2), (1 - w, 0.8)])), Fair, 50);
        Assert.Equal(0.5, FindMinimum.OfScalarFunctionConstrained(R, 0.05, 0.95, 1e-8), 3);
    }

    [Fact]
    public void SkewedMixtureTargetBayesSaturatesAtWeightEntropy()
    {
        var m = new CoinMixture([(0.25, 0.2), (0.75, 0.8)]);
        double weightEntropy = CoinMath.BernoulliEntropy(0.25);
        double r200 = Regret.At(BayesPredictor.For(m), m, 200);
        Assert.Equal(0.5623, r200, 4);
        Assert.True(Math.Abs(r200 - weightEntropy) < 1e-6);
    }

    [Fact]
    public void InstantRegretValues()
    {
        var target = Regret.Instant(BayesPredictor.For(Mix).PredictOne, Mix, 40);
        Assert.Equal(0.193, target[0], 3);
        Assert.Equal(0.126, target[1], 3);
        Assert.Equal(0.092, target[2], 3);
        Assert.Equal(0.038, target[5], 3);
        Assert.Equal(0.010, target[10], 3);
        Assert.All(target.Skip(20), r => Assert.True(r < 0.001));
        var laplace = Regret.Instant(Laplace.PredictOne, new SingleCoin(0.2), 200);
        Assert.InRange(laplace[10], 0.0355, 0.0356);   // §5.2 writes 0.0355; exact is 0.035568 (truncated, not rounded)
        Assert.Equal(0.0096, laplace[49], 4);
        Assert.Equal(0.0049, laplace[99], 4);
        Assert.Equal(0.0025, laplace[199], 4);
    }

    [Fact]
    public void BetaTargetRegretEqualsQuadratureOverSingleCoins()
    {
        // Integrate the single-coin regret over τ ~ Beta(2, 3): checks the Beta-binomial closed form independently.
        var prior = new RandomCoins(2, 3);
        var p1 = new BetaBernoulliPredictor(0.5, 0.5);
        double quad = Integrate.GaussKronrod(t => Beta.PDF(2, 3, t) * Regret.At(p1, new SingleCoin(t), 12), 1e-12, 1 - 1e-12, 1e-11);
        Assert.Equal(quad, Regret.At(p1, prior, 12), 1e-8);
    }

    [Fact]
    public void CurveStartsAtZeroAndSumsInstantRegret()
    {
        var curve = Regret.Curve(Laplace, Mix, 30);
        var inst = Regret.Instant(Laplace.PredictOne, Mix, 30);
        Assert.Equal(31, curve.Length);
        Assert.Equal(0, curve[0]);
        Assert.Equal(inst.Sum(), curve[30], 1e-12);
        Assert.Equal(0, Regret.At(new SingleCoinPredictor(0.2), new SingleCoin(0.2), 100));
    }
}
