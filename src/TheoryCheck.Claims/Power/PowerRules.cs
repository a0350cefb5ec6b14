// How `power` reads one claim run: a truth run passes when its verdict is pass or a declared finding; a mutant is killed
// when a gating bound (one not declared to miss) is violated in some case. The false-fail rate is stated with its
// one-sided Clopper–Pearson 95 % upper limit, so 0 failures in 10 runs reads "≤ 26 %", never "0 %".
using MathNet.Numerics.Distributions;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Power;

public enum MutantStatus { Killed, Survived, NotApplicable }

/// <param name="Deciding">The bound that killed it (the most violated), or for a survivor the one closest to killing it.</param>
public sealed record MutantOutcome(string Claim, MutantStatus Status, string Reason, BoundResult? Deciding = null);

public static class PowerRules
{
    /// <summary>A truth run counts as passing: the claim holds, or reproduces exactly its declared finding.</summary>
    public static bool Passed(ClaimResult r) => r.Verdict is Verdict.Pass or Verdict.Finding;

    /// <summary>Killed when some case violates a gating bound. Survived otherwise, with the bound nearest to killing. A claim
    /// that could not run here gives "not applicable" with its reason; one that crashed under the mutant (training
    /// diverged) is killed, since the real thing runs.</summary>
    public static MutantOutcome Classify(ClaimResult r)
    {
        string id = r.Spec.Id;
        if (r.Verdict == Verdict.NotRun) return new(id, MutantStatus.NotApplicable, r.Reason);
        var gating = r.CaseResults.SelectMany(c => c.Bounds).Where(b => b.Applicable && !b.Bound.Declared).ToArray();
        if (gating.Length == 0)
            return r.Verdict == Verdict.Fail && r.CaseResults.Count == 0
                ? new(id, MutantStatus.Killed, r.Reason)
                : new(id, MutantStatus.NotApplicable, "no gating bound applies in any case");
        var nearest = gating.OrderBy(Judge.Margin).First();
        return nearest.Holds
            ? new(id, MutantStatus.Survived, "every gating bound holds; nearest " + Judge.Describe(nearest), nearest)
            : new(id, MutantStatus.Killed, Judge.Describe(nearest), nearest);
    }

    /// <summary>For each bound of the claim, its case nearest to (or furthest past) the bound, among the cases where it applies.</summary>
    public static IReadOnlyList<BoundResult> WorstPerBound(ClaimResult r) =>
        Enumerable.Range(0, r.Spec.Bounds.Count)
            .Select(i => r.CaseResults.Select(c => c.Bounds[i]).Where(b => b.Applicable).OrderBy(Judge.Margin).FirstOrDefault())
            .OfType<BoundResult>().ToArray();

    /// <summary>One-sided 95 % Clopper–Pearson upper limit of a rate with <paramref name="failures"/> in <paramref name="runs"/>.</summary>
    public static double UpperLimit(int failures, int runs)
    {
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs), "at least one run");
        if (failures >= runs) return 1;
        return Beta.InvCDF(failures + 1, runs - failures, 0.95);
    }
}
