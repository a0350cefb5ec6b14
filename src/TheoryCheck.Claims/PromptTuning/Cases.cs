// Random instances of the PT family: a fixed built-in setting, single coins, two-coin mixtures, random-prefix seeds.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Claims.PromptTuning;

/// <summary>A target task distribution (its name is the readable case label).</summary>
public sealed record TargetCase(TaskDistribution Target)
{
    public override string ToString() => $"target {Target.Name}";

    public static Gen<TargetCase> Fixed(TaskDistribution target) => Gen.Constant(new TargetCase(target));

    /// <summary>Single coins p on a 0.01 grid in [lo, hi] (no shrinking: every case trains).</summary>
    public static Gen<TargetCase> Coins(double lo, double hi) =>
        Gen.Choose((int)Math.Round(lo * 100), (int)Math.Round(hi * 100)).Select(k => new TargetCase(new SingleCoin(k / 100.0)));

    /// <summary>Two-coin mixtures with coins ≥ <paramref name="gap"/> apart and the first weight in [0.25, 0.75] (PT-5).</summary>
    public static Gen<TargetCase> Mixtures(double gap = 0.4) =>
        from a in Gen.Choose(5, (int)Math.Round((0.95 - gap) * 100))
        from b in Gen.Choose(a + (int)Math.Round(gap * 100), 95)
        from w in Gen.Choose(25, 75)
        select new TargetCase(new CoinMixture(new[] { (w / 100.0, a / 100.0), (1 - w / 100.0, b / 100.0) }));
}
