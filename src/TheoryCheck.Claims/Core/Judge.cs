// The verdict rule: a bound holds when its one-sided 95 % limit is on the right side; a control counts as
// failing only when its limit is clearly on the wrong side; a control within noise of the bound is "weak".
using System.Globalization;
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Claims.Core;

public static class Judge
{
    /// <summary>Upper bound: upper limit ≤ value. Lower bound: lower limit ≥ value.</summary>
    public static BoundResult Check(Bound bound, Measurement m)
    {
        if (m.IsNotApplicable) return new BoundResult(bound, m, double.NaN, Holds: true);
        double limit = bound.Op == Comparison.AtMost ? m.Upper : m.Lower;
        bool holds = double.IsFinite(m.Value) &&
                     (bound.Op == Comparison.AtMost ? limit <= bound.Value : limit >= bound.Value);
        return new BoundResult(bound, m, limit, holds);
    }

    /// <summary>A control measurement clearly violates the bound: the limit on the far side is already past it.</summary>
    public static bool ClearlyFails(Bound bound, Measurement m) =>
        double.IsNaN(m.Value) || (bound.Op == Comparison.AtMost ? m.Lower > bound.Value : m.Upper < bound.Value);

    /// <summary>How a control did on one bound: Fails (clearly past it), Holds (it passes the bound, so the bound does not tell the
    /// claim from its near miss), or Weak (violated within noise).</summary>
    public static ControlStatus ControlStatusOf(Bound bound, Measurement control) =>
        ClearlyFails(bound, control) ? ControlStatus.Fails : Check(bound, control).Holds ? ControlStatus.Holds : ControlStatus.Weak;

    /// <summary>Judges one case of a claim.</summary>
    public static (IReadOnlyList<BoundResult> Bounds, ControlResult Control, Verdict Verdict, string Reason) Case(
        ClaimSpec spec, CaseOutcome outcome)
    {
        if (outcome.Measured.Count != spec.Bounds.Count || outcome.Control.Count != spec.Bounds.Count)
            throw new InvalidOperationException($"{spec.Id}: case '{outcome.Case}' must measure each of {spec.Bounds.Count} bounds");
        var bounds = spec.Bounds.Select((b, i) => Check(b, outcome.Measured[i])).ToArray();
        var controlBounds = new List<BoundResult>();
        var byBound = new ControlStatus[spec.Bounds.Count];
        for (int i = 0; i < spec.Bounds.Count; i++)
        {
            if (outcome.Control[i] is not { } c) { byBound[i] = ControlStatus.NotRun; continue; }
            var r = Check(spec.Bounds[i], c);
            // For a control, report the limit on the side that shows the violation.
            controlBounds.Add(r with { Limit = spec.Bounds[i].Op == Comparison.AtMost ? c.Lower : c.Upper });
            byBound[i] = ControlStatusOf(spec.Bounds[i], c);
        }
        var run = byBound.Where(s => s != ControlStatus.NotRun).ToArray();
        var status = run.Length == 0 ? ControlStatus.NotRun
            : run.Contains(ControlStatus.Fails) ? ControlStatus.Fails
            : run.All(s => s == ControlStatus.Holds) ? ControlStatus.Holds : ControlStatus.Weak;
        var control = new ControlResult(spec.Control, controlBounds, status, byBound);

        var broken = bounds.Where(b => !b.Holds).ToArray();
        var undeclared = broken.Where(b => !b.Bound.Declared).ToArray();
        if (status is ControlStatus.Holds or ControlStatus.Weak)
            return (bounds, control, Verdict.Fail, $"control {(status == ControlStatus.Holds ? "passes" : "is weak (within noise of the bound)")}: " +
                    string.Join("; ", controlBounds.Select(Describe)) + " — the claim is not tested");
        // The per-bound rule: each bound the control measures must be violated by it, or that bound is not tested.
        var untested = Enumerable.Range(0, spec.Bounds.Count).Where(i => byBound[i] is ControlStatus.Holds or ControlStatus.Weak)
            .Select(i => controlBounds.First(r => ReferenceEquals(r.Bound, spec.Bounds[i]))).ToArray();
        if (spec.EveryBoundControlled && untested.Length > 0)
            return (bounds, control, Verdict.Fail, "control does not fail clearly on " + string.Join("; ", untested.Select(Describe)) +
                    " — those bounds are not tested");
        if (undeclared.Length > 0)
            return (bounds, control, Verdict.Fail, "bound violated: " + string.Join("; ", undeclared.Select(Describe)));
        if (broken.Length == 0)
            return (bounds, control, Verdict.Pass, "all bounds hold; " + (run.Length > 0 ? "control fails as it must" : "no control in this case"));
        // Only bounds declared to miss are broken: the finding reproduces in this case (Claim.Run checks it still misses somewhere).
        return (bounds, control, Verdict.Finding, "declared finding: " + string.Join("; ", broken.Select(b => Describe(b) + (Borderline(b) ? " (borderline: within noise of the bound)" : ""))));
    }

    /// <summary>A declared miss whose interval still straddles the bound: it misses, but not clearly. It stays a finding (so the
    /// gate does not flap), marked borderline.</summary>
    public static bool Borderline(BoundResult r) => r.Bound.Declared && !r.Holds && !ClearlyFails(r.Bound, r.Measured);

    /// <summary>
    /// The claim-level rule for declared misses: each must still miss in some case. One that holds in every case no longer
    /// reproduces, which is a failure the definition has to answer for (never a silent pass). Null when every declared miss
    /// still misses.
    /// </summary>
    public static string? NoLongerReproduces(ClaimSpec spec, IReadOnlyList<CaseResult> cases)
    {
        for (int i = 0; i < spec.Bounds.Count; i++)
        {
            // Only cases inside the miss's declared domain must reproduce it; outside it a holding bound is just a pass.
            var inDomain = spec.Bounds[i].MissDomain is null ? cases : cases.Where(c => c.InMissDomain).ToArray();
            if (!spec.Bounds[i].Declared || inDomain.Count == 0) continue;
            var perCase = inDomain.Select(c => c.Bounds[i]).ToArray();
            if (perCase.Any(b => !b.Holds) || perCase.All(b => !b.Applicable)) continue;
            var closest = perCase.Where(b => b.Applicable).OrderBy(Margin).First();
            return string.Create(CultureInfo.InvariantCulture,
                $"declared finding no longer reproduces: {spec.Bounds[i].Metric} now holds ({closest.Measured}, limit {closest.Limit:0.####} vs {spec.Bounds[i].OpSymbol} {spec.Bounds[i].Value:G6}" +
                $"{(inDomain.Count > 1 ? $", in all {inDomain.Count} cases" : "")}{(spec.Bounds[i].MissDomain is { } d ? $" on {d}" : "")}); update the definition");
        }
        return null;
    }

    /// <summary>For declared misses that no case of this run measured: a domain that no case lies in, or a bound not applicable
    /// in every case of its domain. Says that the finding was not checked here (so a pass never reads as the finding having gone,
    /// nor a miss outside the domain as the finding). Null otherwise.</summary>
    public static string? MissesNotChecked(ClaimSpec spec, IReadOnlyList<CaseResult> cases)
    {
        var notChecked = new List<string>();
        for (int i = 0; i < spec.Bounds.Count; i++)
        {
            var b = spec.Bounds[i];
            if (!b.Declared) continue;
            var inDomain = b.MissDomain is null ? cases : cases.Where(c => c.InMissDomain).ToArray();
            if (b.MissDomain is not null && inDomain.Count == 0)
                notChecked.Add($"{b.Metric} is declared to miss on {b.MissDomain}, where no case of this run lies: a miss there is tolerated, a hold does not retire the finding");
            else if (inDomain.Count > 0 && inDomain.All(c => !c.Bounds[i].Applicable))
                notChecked.Add($"{b.Metric} is declared to miss{(b.MissDomain is { } d ? $" on {d}" : "")} and applies in no case of this run{(b.MissDomain is null ? "" : " there")} ({inDomain[0].Bounds[i].Measured}): the finding was not checked");
        }
        return notChecked.Count == 0 ? null : string.Join("; ", notChecked);
    }

    /// <summary>The violated bounds of a case, described.</summary>
    public static string DescribeFailures(CaseResult r) => string.Join("; ", r.Bounds.Where(b => !b.Holds).Select(Describe));

    public static string Describe(BoundResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Bound.Metric} = {r.Measured} (limit {r.Limit:0.####}) vs {r.Bound.OpSymbol} {r.Bound.Value:G6}");

    /// <summary>Signed distance of the limit from the bound relative to the bound's size, positive when it holds;
    /// relative so that bounds of different units can pick one worst case.</summary>
    public static double Margin(BoundResult r) =>
        (r.Bound.Op == Comparison.AtMost ? r.Bound.Value - r.Limit : r.Limit - r.Bound.Value) / Math.Max(Math.Abs(r.Bound.Value), 1e-300);
}
