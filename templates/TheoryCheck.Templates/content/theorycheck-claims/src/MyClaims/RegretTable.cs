// The exact expected regret of Beta(a, a) predictors against coins from Beta(1, 1): what MY-1 rests on, as a snapshot.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Reference.Coins;

namespace MyClaims;

public sealed class RegretTable : ITableSource
{
    public static readonly RegretTable Instance = new();
    static readonly int[] Ns = { 10, 50, 100 };

    public string Name => "MyClaims.Regret";
    public string Family => "MY";
    public bool IsSnapshot => true;
    public IReadOnlyList<string> Shows { get; } = new[] { "MY-1" };
    // A report draws each row as a line across the "N=…" columns (plots/MyClaims.Regret.png).
    public TablePlot Plot { get; } = new("N (tosses)", "expected regret (nats)");

    public ResultTable Build(RunContext ctx)
    {
        var table = new ResultTable(Name, "Exact expected regret against coins from Beta(1, 1) (nats)",
            new[] { "predictor" }.Concat(Ns.Select(n => $"N={n}")).ToArray(),
            new[] { "exact: binomial sums (no sampling), so every cell must match exactly" },
            Ns.ToDictionary(n => $"N={n}", _ => Tolerance.Exact));
        foreach (double a in new[] { 0.5, 1, 2, 5 })
            table.Add(new object[] { FormattableString.Invariant($"Beta({a}, {a})") }
                .Concat(Ns.Select(n => (object)Regret.At(new BetaBernoulliPredictor(a, a), new RandomCoins(1, 1), n))).ToArray());
        return table;
    }
}
