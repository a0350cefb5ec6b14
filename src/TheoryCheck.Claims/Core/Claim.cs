// A claim = its spec + the cases it draws + how one case is measured. The xunit specs and the CLI both call Run, so both
// judge the same cases (CaseStream) by the same rule (Judge) and report the same worst case and minimal counterexample.
using System.Diagnostics;
using FsCheck;
using TheoryCheck.Torch;

namespace TheoryCheck.Claims.Core;

public interface IClaim
{
    ClaimSpec Spec { get; }

    /// <summary>Draws the scale's cases for the context's seed, measures and judges each, and reports every case and the worst.</summary>
    ClaimResult Run(RunContext ctx);

    /// <summary>What <see cref="Run"/> would judge for this context, without measuring: the entry points are compared on it.</summary>
    CasePlan Plan(RunContext ctx);

    /// <summary>The knobs a boundary map may move (`theorycheck map CLAIM --axes`); empty for claims that declare none.</summary>
    IReadOnlyList<Maps.Axis> Axes { get; }
}

/// <summary>The instances a run judges: the case labels in stream order, the context's seed and scale, and the case seed.</summary>
public sealed record CasePlan(string Claim, Scale Scale, int ContextSeed, ulong CaseSeed, IReadOnlyList<string> Cases);

/// <typeparam name="TCase">One random instance (a prior, a target, a count state...). Override ToString for readable reports.</typeparam>
public abstract class Claim<TCase> : IClaim
{
    /// <summary>Margins closer than this (relative) are a tie, broken by case index, so rounding noise cannot pick the case.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>At most this many shrink steps (each re-evaluates one candidate case).</summary>
    const int MaxShrinkEvaluations = 200;

    public abstract ClaimSpec Spec { get; }

    public virtual IReadOnlyList<Maps.Axis> Axes => [];

    /// <summary>The instance generator. Training claims should use generators without shrinking (each case trains).</summary>
    public abstract Gen<TCase> Cases(Scale scale);

    /// <summary>How many cases a run draws. Keep small for training claims.</summary>
    public abstract int CaseCount(Scale scale);

    /// <summary>Measures one case: a value for every bound, and the control's where it applies.</summary>
    public abstract CaseOutcome Evaluate(TCase instance, RunContext ctx);

    /// <summary>Simpler cases than <paramref name="failing"/>, simplest first, all inside the claim's domain. Empty (the
    /// default) for training claims, where every candidate would train; exact-math claims override it.</summary>
    public virtual IEnumerable<TCase> Shrink(TCase failing) => [];

    public CasePlan Plan(RunContext ctx) =>
        new(Spec.Id, ctx.Scale, ctx.Seed, CaseStream.SeedOf(Spec.Id, ctx.Seed),
            CaseStream.Draw(this, ctx.Scale, ctx.Seed).Select(c => c!.ToString() ?? "").ToArray());

    public ClaimResult Run(RunContext ctx)
    {
        var clock = Stopwatch.StartNew();
        var cases = CaseStream.Draw(this, ctx.Scale, ctx.Seed);
        // Cases are independent instances: they run side by side (Lanes), and are judged in index order as before.
        var judged = Lanes.Map(cases.Select((c, i) => (c, i)).ToArray(), x => Judged(x.i, x.c, ctx));
        // A run in which no bound applies in any case checked nothing: it is not applicable, never a plain pass.
        if (judged.Length > 0 && Spec.Bounds.Count > 0 && judged.All(j => j.Bounds.All(b => !b.Applicable)))
            throw new NoBoundAppliesException($"not applicable (no bound of {Spec.Id} applies in any of its {judged.Length} case(s); " +
                                           $"{judged[0].Bounds[0].Bound.Metric}: {judged[0].Bounds[0].Measured})");
        var worst = Worst(judged);
        var controls = judged.Where(j => j.Control.Status != ControlStatus.NotRun).ToArray();
        // The control shown is its weakest case (Holds > Weak > Fails), the first such by index.
        var control = controls.Length == 0
            ? new ControlResult(Spec.Control, Array.Empty<BoundResult>(), ControlStatus.NotRun)
            : controls.OrderByDescending(c => (int)c.Control.Status).ThenBy(c => c.Index).First().Control;
        var verdict = worst.Verdict;
        string reason = worst.Reason;
        ShrinkResult? shrunk = null;
        if (verdict != Verdict.Fail && Judge.NoLongerReproduces(Spec, judged) is { } gone)
            (verdict, reason) = (Verdict.Fail, gone);
        else if (control.Status == ControlStatus.NotRun)
            (verdict, reason) = (Verdict.Fail, "no case ran the negative control — the claim is not tested");
        else if (control.Status != ControlStatus.Fails && verdict != Verdict.Fail)
            (verdict, reason) = (Verdict.Fail, $"control {control.Status.ToString().ToLowerInvariant()} in some case — the claim is not tested");
        else if (worst.Verdict == Verdict.Fail && BoundsFail(worst) && ShrinkFrom(cases[worst.Index], ctx) is { } s)
        {
            shrunk = s;
            reason += $"; minimal counterexample: {s.Minimal.Case} ({Judge.DescribeFailures(s.Minimal)}), shrunk from {worst.Case} in {s.Steps} step(s)";
        }
        if (verdict != Verdict.Fail && Judge.MissesNotChecked(Spec, judged) is { } notChecked)
            reason += "; " + notChecked;
        return new ClaimResult(Spec, worst.Case, cases.Count, worst.Bounds, control, verdict, reason, clock.Elapsed.TotalSeconds)
        {
            CaseSeed = CaseStream.SeedOf(Spec.Id, ctx.Seed),
            CaseResults = judged,
            Shrunk = shrunk,
        };
    }

    CaseResult Judged(int index, TCase instance, RunContext ctx)
    {
        var outcome = Evaluate(instance, ctx);
        var (bounds, control, verdict, reason) = Judge.Case(Spec, outcome);
        return new CaseResult(index, outcome.Case, bounds, control, verdict, reason) { InMissDomain = outcome.InMissDomain };
    }

    /// <summary>A failing case first; else the smallest margin. Margins within <see cref="TieTolerance"/> (relative) of the
    /// smallest are a tie and the lowest index wins.</summary>
    public static CaseResult Worst(IReadOnlyList<CaseResult> judged)
    {
        var pool = judged.Any(j => j.Verdict == Verdict.Fail) ? judged.Where(j => j.Verdict == Verdict.Fail).ToArray() : judged;
        double min = pool.Min(j => j.Margin);
        double tie = TieTolerance * Math.Max(Math.Abs(min), 1);
        return pool.Where(j => j.Margin <= min + tie || double.IsNaN(j.Margin)).OrderBy(j => j.Index).First();
    }

    static bool BoundsFail(CaseResult r) => r.Bounds.Any(b => !b.Holds);

    /// <summary>Greedy shrinking: take the first simpler case that still violates a bound, until none does.</summary>
    ShrinkResult? ShrinkFrom(TCase failing, RunContext ctx)
    {
        CaseResult? minimal = null;
        int steps = 0, evaluations = 0;
        for (bool progressed = true; progressed && evaluations < MaxShrinkEvaluations;)
        {
            progressed = false;
            foreach (var candidate in Shrink(failing))
            {
                if (++evaluations > MaxShrinkEvaluations) break;
                var r = Judged(-1, candidate, ctx);
                if (!BoundsFail(r)) continue;
                (failing, minimal, progressed) = (candidate, r, true);
                steps++;
                break;
            }
        }
        return minimal is null ? null : new ShrinkResult(minimal, steps);
    }
}
