// A claim = its spec + the cases FsCheck draws + how one case is measured. The xunit specs and the CLI both run it.
using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;

namespace TheoryCheck.Claims.Core;

public interface IClaim
{
    ClaimSpec Spec { get; }

    /// <summary>Draws the scale's cases from the seeded generator, measures each, and reports the worst.</summary>
    ClaimResult Run(RunContext ctx);
}

/// <typeparam name="TCase">One random instance (a prior, a target, a count state...). Override ToString for readable reports.</typeparam>
public abstract class Claim<TCase> : IClaim
{
    public abstract ClaimSpec Spec { get; }

    /// <summary>The instance generator. Training claims should use generators without shrinking (each case trains).</summary>
    public abstract Gen<TCase> Cases(Scale scale);

    /// <summary>How many cases a run draws: the property's MaxTest. Keep small for training claims.</summary>
    public abstract int CaseCount(Scale scale);

    /// <summary>Measures one case: a value for every bound, and the control's where it applies.</summary>
    public abstract CaseOutcome Evaluate(TCase instance, RunContext ctx);

    public ClaimResult Run(RunContext ctx)
    {
        var clock = Stopwatch.StartNew();
        int count = CaseCount(ctx.Scale);
        var rnd = new Rnd((ulong)SeedPlan.From(ctx.Seed, StableHash(Spec.Id)).Data);
        var cases = Cases(ctx.Scale).Sample(count, rnd, 50);
        var judged = cases.Select(c => (Outcome: Evaluate(c, ctx), Case: c))
                          .Select(x => (x.Outcome, J: Judge.Case(Spec, x.Outcome))).ToArray();
        // Report the first failing case, else the one closest to its bounds; the control shown is its weakest case.
        var worst = judged.FirstOrDefault(j => j.J.Verdict == Verdict.Fail);
        if (worst.Outcome is null)
            worst = judged.OrderBy(j => j.J.Bounds.Count == 0 ? 0 : j.J.Bounds.Min(Judge.Margin)).First();
        var controls = judged.Where(j => j.J.Control.Status != ControlStatus.NotRun).ToArray();
        var control = controls.Length == 0
            ? new ControlResult(Spec.Control, Array.Empty<BoundResult>(), ControlStatus.NotRun)
            : controls.Select(j => j.J.Control).OrderByDescending(c => (int)c.Status).First();
        var verdict = worst.J.Verdict;
        string reason = worst.J.Reason;
        if (control.Status == ControlStatus.NotRun)
            (verdict, reason) = (Verdict.Fail, "no case ran the negative control — the claim is not tested");
        else if (control.Status != ControlStatus.Fails && verdict != Verdict.Fail)
            (verdict, reason) = (Verdict.Fail, $"control {control.Status.ToString().ToLowerInvariant()} in some case — the claim is not tested");
        return new ClaimResult(Spec, worst.Outcome.Case, count, worst.J.Bounds, control, verdict, reason,
                               clock.Elapsed.TotalSeconds);
    }

    /// <summary>FNV-1a of the id: a stable per-claim stream number (string.GetHashCode is randomised per process).</summary>
    public static int StableHash(string s)
    {
        uint h = 2166136261;
        foreach (char ch in s) h = (h ^ ch) * 16777619;
        return (int)(h & 0x7fffffff);
    }
}
