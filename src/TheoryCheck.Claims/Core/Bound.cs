// A quantitative bound of a claim, with the source of its value written next to it.
namespace TheoryCheck.Claims.Core;

public enum Comparison { AtMost, AtLeast }

/// <summary>metric op value, e.g. "kl_per_step &lt;= 0.002". <paramref name="Source"/> says where the value comes from.</summary>
public sealed record Bound(string Metric, Comparison Op, double Value, string Source)
{
    public static Bound AtMost(string metric, double value, string source) => new(metric, Comparison.AtMost, value, source);
    public static Bound AtLeast(string metric, double value, string source) => new(metric, Comparison.AtLeast, value, source);

    public string OpSymbol => Op == Comparison.AtMost ? "<=" : ">=";

    public override string ToString() => FormattableString.Invariant($"{Metric} {OpSymbol} {Value:G6}");
}
