// FsCheck generators for coin-reference properties: Beta shapes, counts, biases, mixtures, bit sequences (one place, conventions C9).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Reference;

public static class CoinGens
{
    /// <summary>Beta shape parameter in [0.5, 5] (singular prior densities at 0/1 included).</summary>
    public static Gen<double> Shape => Gen.Choose(0, 9000).Select(i => 0.5 + i / 2000.0);

    /// <summary>Bias in [0.001, 0.999].</summary>
    public static Gen<double> Bias => Gen.Choose(1, 999).Select(i => i / 1000.0);

    /// <summary>(ones, n) with 0 ≤ ones ≤ n ≤ 60.</summary>
    public static Gen<(int Ones, int N)> Counts =>
        from n in Gen.Choose(0, 60)
        from k in Gen.Choose(0, n)
        select (k, n);

    /// <summary>1–5 components with strictly positive weights normalised to sum 1.</summary>
    public static Gen<CoinMixture> Mixture =>
        from c in Gen.Choose(1, 5)
        from raw in Gen.Choose(1, 100).ArrayOf(c)
        from biases in Bias.ArrayOf(c)
        select new CoinMixture(raw.Select((r, i) => ((double)r / raw.Sum(), biases[i])).ToList());

    /// <summary>A 0/1 sequence of length 0–80.</summary>
    public static Gen<int[]> Bits =>
        from len in Gen.Choose(0, 80)
        from xs in Gen.Choose(0, 1).ArrayOf(len)
        select xs;

    /// <summary>Distributions whose every number has ≤ 4 decimals, so Name round-trips through the parser exactly.</summary>
    public static Gen<TaskDistribution> Printable => Gen.OneOf(
        from a in Gen.Choose(1, 2000) from b in Gen.Choose(1, 2000) select (TaskDistribution)new RandomCoins(a / 100.0, b / 100.0),
        from p in Gen.Choose(1, 9999) select (TaskDistribution)new SingleCoin(p / 10000.0),
        from w in Gen.Choose(1, 9999) from p in Gen.Choose(1, 9999) from q in Gen.Choose(1, 9999)
        select (TaskDistribution)new CoinMixture([(w / 10000.0, p / 10000.0), ((10000 - w) / 10000.0, q / 10000.0)]));
}
