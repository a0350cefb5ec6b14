// A quantitative bound of a claim, with the source of its value written next to it.
namespace TheoryCheck.Claims.Core;

public enum Comparison { AtMost, AtLeast }

/// <summary>metric op value, e.g. "kl_per_step &lt;= 0.002". <paramref name="Source"/> says where the value comes from.</summary>
/// <param name="DeclaredMiss">For a declared finding: why this bound is expected to miss at our scales, in a few words with
/// numbers (the claim's Evidence has the full story); null for a bound that gates as usual.</param>
/// <param name="MissDomain">Where the declared miss was measured and must keep reproducing, in words (e.g. "the 0.2 coin"); null
/// for everywhere. Outside it the miss is tolerated but not required: a claim run only there passes when the bound holds. The
/// claim marks each case in or out (<see cref="CaseOutcome.InMissDomain"/>).</param>
/// <param name="UncontrolledReason">Why no near miss can be built for this bound in principle (reported with the run); null
/// for a bound the claim's control measures.</param>
public sealed record Bound(string Metric, Comparison Op, double Value, string Source, string? DeclaredMiss = null,
                           string? UncontrolledReason = null, string? MissDomain = null)
{
    /// <summary>This bound, declared as expected to miss (a finding). The claim's other bounds still gate, and if this one
    /// holds in every case the finding no longer reproduces and the claim fails.</summary>
    public Bound Missing(string evidence) => this with { DeclaredMiss = evidence };

    /// <summary>This declared miss, required to reproduce only on <paramref name="domain"/> (where it was measured); see
    /// <see cref="MissDomain"/>. A case is in or out for all of a claim's domain-bound misses at once (one flag per case), so
    /// a claim with two such misses gives both the same domain.</summary>
    public Bound ReproducingOn(string domain) =>
        Declared ? this with { MissDomain = domain } : throw new InvalidOperationException($"{Metric}: only a declared miss has a domain");

    public bool Declared => DeclaredMiss is not null;

    /// <summary>This bound, declared to have no control: only where no near miss can be built in principle (docs/bounds.md
    /// lists each with its reason). The report lists uncontrolled bounds.</summary>
    public Bound Uncontrolled(string reason) => this with { UncontrolledReason = reason };

    public static Bound AtMost(string metric, double value, string source) => new(metric, Comparison.AtMost, value, source);
    public static Bound AtLeast(string metric, double value, string source) => new(metric, Comparison.AtLeast, value, source);

    public string OpSymbol => Op == Comparison.AtMost ? "<=" : ">=";

    public override string ToString() => FormattableString.Invariant($"{Metric} {OpSymbol} {Value:G6}");
}
