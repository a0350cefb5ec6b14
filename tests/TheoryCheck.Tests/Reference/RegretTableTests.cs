// Reproduces every cell of the p1 §5.2 exact-regret table (ideal, non-neural baselines) to 4 decimals.
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Reference;

[Trait("Tier", "Fast")]
public sealed class RegretTableTests
{
    static readonly RandomCoins Uniform = new(1, 1);
    static readonly SingleCoin Coin = new(0.2);
    static readonly CoinMixture Mix = new([(0.5, 0.2), (0.5, 0.8)]);
    static readonly int[] AllN = [1, 6, 10, 25, 50, 100, 200];
    static readonly int[] LongN = [50, 100, 200];

    public static TheoryData<string, int[], double[]> Rows => new()
    {
        { "prebayes>coin", AllN, [0.1927, 0.6033, 0.7760, 1.1551, 1.4772, 1.8118, 2.1525] },
        { "prebayes>mix", AllN, [0.1927, 0.6033, 0.7760, 1.1551, 1.4772, 1.8118, 2.1525] },
        { "targetbayes>mix", AllN, [0.1927, 0.5673, 0.6480, 0.6920, 0.6931, 0.6931, 0.6931] },
        { "prebayespt6>coin", AllN, [0.0070, 0.0710, 0.1320, 0.3360, 0.5711, 0.8552, 1.1686] },
        { "prebayespt6>mix", AllN, [0.1927, 0.7867, 1.0552, 1.5731, 1.9580, 2.3285, 2.6884] },
        { "prebayespt25>coin", AllN, [0.0015, 0.0143, 0.0288, 0.0962, 0.2097, 0.3925, 0.6378] },
        { "prebayespt25>mix", AllN, [0.1934, 0.9983, 1.4988, 2.7490, 3.8442, 4.8598, 5.6877] },
        { "beta(1.25,1.25)>mix", LongN, [1.4624, 1.7930, 2.1315] },
        { "randomprefix6>coin", LongN, [2.3364, 2.7408, 3.1205] },
        { "randomprefix6>mix", LongN, [2.3364, 2.7408, 3.1205] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void TableRowMatchesToFourDecimals(string row, int[] ns, double[] expected)
    {
        var curve = Curve(row);
        for (int i = 0; i < ns.Length; i++)
            Assert.True(Math.Abs(curve[ns[i]] - expected[i]) <= 5e-5 + 1e-12,
                $"{row} N={ns[i]}: expected {expected[i]:F4}, got {curve[ns[i]]:F6}");
    }

    static double[] Curve(string row) => row switch
    {
        "prebayes>coin" => Regret.Curve(new BetaBernoulliPredictor(1, 1), Coin, 200),
        "prebayes>mix" => Regret.Curve(new BetaBernoulliPredictor(1, 1), Mix, 200),
        "targetbayes>mix" => Regret.Curve(BayesPredictor.For(Mix), Mix, 200),
        "prebayespt6>coin" => BestPrefixCurve(Coin, 6),
        "prebayespt6>mix" => BestPrefixCurve(Mix, 6),
        "prebayespt25>coin" => BestPrefixCurve(Coin, 25),
        "prebayespt25>mix" => BestPrefixCurve(Mix, 25),
        "beta(1.25,1.25)>mix" => Regret.Curve(new BetaBernoulliPredictor(1.25, 1.25), Mix, 200),
        "randomprefix6>coin" => Prompting.RandomHardPrefixCurve(Uniform, Coin, 6, 200),
        "randomprefix6>mix" => Prompting.RandomHardPrefixCurve(Uniform, Mix, 6, 200),
        _ => throw new ArgumentException(row),
    };

    // PreBayesPT: the prefix is chosen at the tuning length N = 50, then evaluated out to 200.
    static double[] BestPrefixCurve(TaskDistribution target, int length)
    {
        var best = Prompting.BestHardPrefix(Uniform, target, length, 50);
        return Prompting.PromptedCurve(Uniform, best.Ones, best.Zeros, target, 200);
    }

    [Theory]
    [InlineData(6, 1, 5)]     // one minority symbol: Beta(2, 6)
    [InlineData(25, 5, 20)]   // Beta(6, 21)
    public void BestHardPrefixOnSingleCoinHasTheTableComposition(int length, int ones, int zeros)
    {
        var best = Prompting.BestHardPrefix(Uniform, Coin, length, 50);
        Assert.Equal((ones, zeros), (best.Ones, best.Zeros));
        Assert.Equal(new RandomCoins(1 + ones, 1 + zeros), Prompting.Condition(Uniform, best.Ones, best.Zeros));
    }

    [Fact]
    public void BestHardPrefixOnMixtureIsBalanced()
    {
        var six = Prompting.BestHardPrefix(Uniform, Mix, 6, 50);
        Assert.Equal((3, 3), (six.Ones, six.Zeros));                           // Beta(4, 4)
        var long25 = Prompting.BestHardPrefix(Uniform, Mix, 25, 50);
        Assert.Equal(1, Math.Abs(long25.Ones - long25.Zeros));                 // Beta(13, 14) or its mirror
        Assert.True(six.Regret > Regret.At(new BetaBernoulliPredictor(1, 1), Mix, 50), "L=6 hard prefix should be worse than none");
    }

    [Fact]
    public void BestBetaPosteriorForMixtureIsNearBeta125()
    {
        var sym = Prompting.BestSymmetricBeta(Mix, 50);
        Assert.InRange(sym.A, 1.24, 1.27);
        Assert.Equal(1.4624, sym.Regret, 4);
        var free = Prompting.BestBetaPosterior(Mix, 50);
        Assert.InRange(free.A, 1.24, 1.27);
        Assert.InRange(free.B, 1.24, 1.27);
        Assert.True(Math.Abs(free.Regret - sym.Regret) < 1e-7, $"2-D optimum {free} vs symmetric {sym}");
        Assert.True(free.Regret - 0.6931 > 0.76, "the Beta family must leave a gap above TargetBayes");
    }
}
