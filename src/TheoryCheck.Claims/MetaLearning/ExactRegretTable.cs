// The ideal (non-neural) baselines of p1 §5.2 as a snapshot table: exact expected cumulative regret by binomial sums.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Claims.MetaLearning;

public sealed class ExactRegretTable : ITableSource
{
    public static readonly ExactRegretTable Instance = new();
    static readonly int[] Ns = { 1, 6, 10, 25, 50, 100, 200 };

    public string Name => "MetaLearning.ExactRegret";
    public string Family => MetaLearningFamily.Key;
    public bool IsSnapshot => true;

    public IReadOnlyList<string> Shows { get; } = new[] { "MB-0" };

    /// <summary>MB-0 compares these two cells with the paper's 1.4772 and 2.1525 (bound 5e-5), so they are compared exactly.</summary>
    public IReadOnlyList<ClaimCell> ClaimCells { get; } = new ClaimCell[]
    {
        new("MB-0", "regret50_error", "PreBayes | coin", "N=50", Minus: 1.4772, Absolute: true),
        new("MB-0", "regret200_error", "PreBayes | coin", "N=200", Minus: 2.1525, Absolute: true),
    };

    public ResultTable Build(RunContext ctx)
    {
        var prior = new RandomCoins(1, 1);
        var coin = new SingleCoin(0.2);
        var mixture = new CoinMixture(new[] { (0.5, 0.2), (0.5, 0.8) });
        var columns = new[] { "predictor", "target", "prefix" }.Concat(Ns.Select(n => $"N={n}")).ToArray();
        var table = new ResultTable(Name, "Exact expected cumulative regret of ideal predictors (nats)", columns,
            new[] { "source: p1 §5.2, recomputed exactly by summing over binomial counts (no sampling); cells agree with the paper summary to 4 decimals",
                    "prior: beta:1,1; coin: coin:0.2; mixture: mix:0.5@0.2,0.5@0.8",
                    "why these tolerances: exact math in doubles, rounded to 4 decimals, so every cell must match exactly (MB-0 rests on two of them with a bound of 5e-5)" },
            Ns.ToDictionary(n => $"N={n}", _ => Tolerance.Exact));
        int max = Ns.Max();
        void Row(string predictor, string target, string prefix, double[] curve) =>
            table.Add(new object[] { predictor, target, prefix }.Concat(Ns.Select(n => (object)curve[n])).ToArray());

        var laplace = new BetaBernoulliPredictor(prior);
        Row("PreBayes", "coin", "-", Regret.Curve(laplace, coin, max));
        Row("PreBayes", "mixture", "-", Regret.Curve(laplace, mixture, max));
        Row("TargetBayes", "mixture", "-", Regret.Curve(BayesPredictor.For(mixture), mixture, max));
        foreach (var (target, name) in new (TaskDistribution, string)[] { (coin, "coin"), (mixture, "mixture") })
            foreach (int length in new[] { 6, 25 })
            {
                var best = Prompting.BestHardPrefix(prior, target, length, 50);
                Row($"PreBayesPT L={length}", name, $"{best.Ones} ones + {best.Zeros} zeros",
                    Prompting.PromptedCurve(prior, best.Ones, best.Zeros, target, max));
            }
        var beta = Prompting.BestSymmetricBeta(mixture, 50);
        Row("best Beta(a,a)", "mixture", FormattableString.Invariant($"a={beta.A:0.###}"),
            Regret.Curve(new BetaBernoulliPredictor(beta.A, beta.B), mixture, max));
        Row("PreBayes + random prefix L=6", "coin", "mean over 2^6", Prompting.RandomHardPrefixCurve(prior, coin, 6, max));
        return table;
    }
}
