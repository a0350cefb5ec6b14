// What running a claim produced: each bound's measurement and limit, the control's, and the verdict.
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Claims.Core;

/// <summary>NotRun: the claim could not run here (reason names the fix); it never counts as passing.</summary>
public enum Verdict { Pass, Fail, Finding, NotRun }

/// <summary>How the negative control behaved: it must fail clearly; within noise of the bound it is weak.</summary>
public enum ControlStatus { Fails, Weak, Holds, NotRun }

/// <param name="Limit">The one-sided 95 % confidence limit compared with the bound (upper for &lt;=, lower for &gt;=).</param>
/// <param name="Holds">True also for a bound that is not applicable in this run (<see cref="Applicable"/> false): it cannot fail it.</param>
public sealed record BoundResult(Bound Bound, Measurement Measured, double Limit, bool Holds)
{
    public bool Applicable => !Measured.IsNotApplicable;
}

/// <param name="Bounds">The control's measurement of each bound it exercises in this case.</param>
/// <param name="Status">The control as a whole: Fails when it fails clearly on at least one bound.</param>
/// <param name="ByBound">Aligned with the spec's bounds: how the control did on each (NotRun where it does not measure it).</param>
public sealed record ControlResult(string Description, IReadOnlyList<BoundResult> Bounds, ControlStatus Status,
                                   IReadOnlyList<ControlStatus>? ByBound = null)
{
    /// <summary>The control's status on one bound of the spec.</summary>
    public ControlStatus On(Bound bound, IReadOnlyList<Bound> specBounds)
    {
        for (int i = 0; ByBound is not null && i < Math.Min(specBounds.Count, ByBound.Count); i++)
            if (ReferenceEquals(specBounds[i], bound)) return ByBound[i];
        return ControlStatus.NotRun;
    }
}

/// <summary>The outcome of one case (one FsCheck-drawn instance): a measurement per bound, and the control's where it applies.</summary>
/// <param name="Control">Aligned with the spec's bounds; null where the control does not exercise that bound.</param>
/// <param name="InMissDomain">Whether this case lies where the claim's declared misses must reproduce (<see cref="Bound.MissDomain"/>).</param>
public sealed record CaseOutcome(string Case, IReadOnlyList<Measurement> Measured, IReadOnlyList<Measurement?> Control,
                                 bool InMissDomain = true);

/// <summary>One judged case. <paramref name="Index"/> is its place in the case stream (−1 for a shrink candidate).</summary>
public sealed record CaseResult(int Index, string Case, IReadOnlyList<BoundResult> Bounds, ControlResult Control,
                                Verdict Verdict, string Reason)
{
    /// <summary>Copied from <see cref="CaseOutcome.InMissDomain"/>.</summary>
    public bool InMissDomain { get; init; } = true;

    /// <summary>The smallest relative margin over the bounds (negative when one is violated); 0 without bounds.</summary>
    public double Margin => Bounds.Any(b => b.Applicable) ? Bounds.Where(b => b.Applicable).Min(Judge.Margin) : 0;
}

/// <summary>The minimal counterexample greedy shrinking reached from the reported failing case, in <paramref name="Steps"/> steps.</summary>
public sealed record ShrinkResult(CaseResult Minimal, int Steps);

/// <param name="Case">Label of the reported (worst) case.</param>
/// <param name="Cases">How many cases were run.</param>
/// <param name="Reason">One line explaining the verdict.</param>
public sealed record ClaimResult(
    ClaimSpec Spec, string Case, int Cases, IReadOnlyList<BoundResult> Bounds, ControlResult Control,
    Verdict Verdict, string Reason, double Seconds)
{
    /// <summary>The seed the cases were (or, for an unmeasured claim, would have been) drawn from: CaseStream.SeedOf.</summary>
    public ulong CaseSeed { get; init; }

    /// <summary>Every drawn case, judged, in stream order.</summary>
    public IReadOnlyList<CaseResult> CaseResults { get; init; } = [];

    /// <summary>Set when an exact claim failed a bound and shrinking found a simpler failing case.</summary>
    public ShrinkResult? Shrunk { get; init; }

    /// <summary>A result for a claim that could not run or crashed: no measurements, the reason in one line, and the case
    /// seed of <paramref name="ctx"/> so that a rerun can still find the stream.</summary>
    public static ClaimResult Unmeasured(ClaimSpec spec, RunContext ctx, Verdict verdict, string reason, double seconds) =>
        new(spec, "-", 0, Array.Empty<BoundResult>(), new ControlResult(spec.Control, Array.Empty<BoundResult>(), ControlStatus.NotRun),
            verdict, reason, seconds) { CaseSeed = CaseStream.SeedOf(spec.Id, ctx.Seed) };
}
