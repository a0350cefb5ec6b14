// Sampling side of the reference: seeded CoinSampler and the Monte-Carlo regret estimator agree with the exact sums (p1 §6 C1).
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Reference;

[Trait("Tier", "Fast")]
public sealed class MonteCarloRegretTests
{
    static readonly CoinMixture Mix = new([(0.5, 0.2), (0.5, 0.8)]);

    // TargetBayes on its own mixture is checked at N = 10: by N = 50 its regret is ln 2 minus a rare-event term (3e-6)
    // that 3000 samples never see, so the sample SE (~1e-10) would be meaningless there.
    public static TheoryData<string, string, int, int> Cases => new()
    {
        { "beta:1,1", "coin:0.2", 50, 101 },
        { "beta:1,1", "beta:1,1", 50, 102 },
        { "beta:1,1", "mix:0.5@0.2,0.5@0.8", 50, 103 },
        { "mix:0.5@0.2,0.5@0.8", "mix:0.5@0.2,0.5@0.8", 10, 104 },
        { "mix:0.5@0.2,0.5@0.8", "coin:0.5", 50, 105 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MonteCarloRegretIsWithinThreeStandardErrorsOfExact(string prior, string target, int n, int seed)
    {
        var predictor = BayesPredictor.For(TaskDistributionParser.Parse(prior));
        var t = TaskDistributionParser.Parse(target);
        var est = MonteCarloRegret.Estimate(predictor, t, 3000, n, new Random(seed));
        double exact = Regret.At(predictor, t, n);
        Assert.True(Math.Abs(est.Mean - exact) <= 3 * est.StandardError,
            $"{prior} on {target}: MC {est.Mean:F4} ± {est.StandardError:F4} vs exact {exact:F4}");
        Assert.Equal(n + 1, est.MeanCurve.Length);
        Assert.Equal(est.Mean, est.MeanCurve[n], 1e-12);
    }

    [Fact]
    public void SamplerIsDeterministicGivenTheSeed()
    {
        var (a, ta) = CoinSampler.Sample(Mix, 20, 30, new Random(7));
        var (b, tb) = CoinSampler.Sample(Mix, 20, 30, new Random(7));
        Assert.Equal(ta, tb);
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i]);
        Assert.All(ta, tau => Assert.Contains(tau, new[] { 0.2, 0.8 }));
        Assert.All(a, x => Assert.All(x, bit => Assert.InRange(bit, 0, 1)));
    }

    [Fact]
    public void SamplerMatchesBiasesOnAverage()
    {
        var (bits, biases) = CoinSampler.Sample(new RandomCoins(2, 5), 2000, 40, new Random(11));
        double meanTau = biases.Average(), meanBit = bits.Average(x => x.Average());
        Assert.InRange(meanTau, 2.0 / 7 - 0.015, 2.0 / 7 + 0.015);   // Beta(2,5) mean, SE ≈ 0.004
        Assert.InRange(meanBit - meanTau, -0.01, 0.01);
    }

    [Fact]
    public void OraclePredictorHasZeroPathwiseRegret()
    {
        var (bits, biases) = CoinSampler.Sample(new SingleCoin(0.3), 5, 25, new Random(3));
        var est = MonteCarloRegret.Estimate(new SingleCoinPredictor(0.3), bits, biases, 25);
        Assert.Equal(0, est.Mean);
        Assert.Equal(0, est.StandardError);
    }
}
