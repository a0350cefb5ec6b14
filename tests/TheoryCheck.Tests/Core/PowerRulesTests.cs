// The rules `power` reads a run by: the Clopper–Pearson upper limit of a false-fail rate, killed vs survived from the gating
// bounds (declared misses and not-applicable bounds never decide), and the mutant catalogue's own consistency.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Power;
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class PowerRulesTests
{
    [Theory]
    [InlineData(0, 10, 0.25887)]   // 1 - 0.05^(1/10): "0 failures in 10 runs" reads ≤ 26 %
    [InlineData(0, 1, 0.95)]
    [InlineData(1, 10, 0.39416)]
    [InlineData(3, 10, 0.60662)]
    [InlineData(10, 10, 1.0)]
    public void UpperLimitIsOneSidedClopperPearson(int failures, int runs, double expected) =>
        Assert.Equal(expected, PowerRules.UpperLimit(failures, runs), 4);

    [Fact]
    public void UpperLimitNeedsARun() => Assert.Throws<ArgumentOutOfRangeException>(() => PowerRules.UpperLimit(0, 0));

    static readonly Bound Gate = Bound.AtMost("kl", 0.01, "test");
    static readonly Bound Miss = Bound.AtMost("gap", 0.01, "test").Missing("declared");

    static ClaimResult Result(params (Bound Bound, double Value)[][] cases)
    {
        var spec = new ClaimSpec("T-1", "P1", "test", "T", "test", cases[0].Select(b => b.Bound).ToArray(), "none",
                                 new ScalePresets("", "", ""));
        var judged = cases.Select((c, i) => new CaseResult(i, $"case {i}",
            c.Select(b => Judge.Check(b.Bound, b.Value is double.NegativeInfinity ? Measurement.NotApplicable("n/a") : Measurement.Exact(b.Value))).ToArray(),
            new ControlResult("none", [], ControlStatus.NotRun), Verdict.Pass, "")).ToArray();
        return new ClaimResult(spec, "case 0", judged.Length, judged[0].Bounds, judged[0].Control, Verdict.Fail, "", 0) { CaseResults = judged };
    }

    [Fact]
    public void AGatingBoundViolatedInAnyCaseKills()
    {
        var o = PowerRules.Classify(Result([(Gate, 0.005)], [(Gate, 0.03)]));
        Assert.Equal(MutantStatus.Killed, o.Status);
        Assert.Equal(0.03, o.Deciding!.Measured.Value);
    }

    [Fact]
    public void ASurvivorNamesTheBoundNearestToKillingIt()
    {
        var o = PowerRules.Classify(Result([(Gate, 0.002)], [(Gate, 0.009)]));
        Assert.Equal(MutantStatus.Survived, o.Status);
        Assert.Equal(0.009, o.Deciding!.Measured.Value);
    }

    [Fact]
    public void ADeclaredMissNeverKills()
    {
        var o = PowerRules.Classify(Result([(Gate, 0.002), (Miss, 0.5)]));
        Assert.Equal(MutantStatus.Survived, o.Status);
        Assert.Equal("kl", o.Deciding!.Bound.Metric);
    }

    [Fact]
    public void NoApplicableGatingBoundIsNotApplicable() =>
        Assert.Equal(MutantStatus.NotApplicable, PowerRules.Classify(Result([(Gate, double.NegativeInfinity)])).Status);

    [Fact]
    public void TruthPassesOnPassOrDeclaredFindingOnly()
    {
        var r = Result([(Gate, 0.002)]);
        Assert.True(PowerRules.Passed(r with { Verdict = Verdict.Pass }));
        Assert.True(PowerRules.Passed(r with { Verdict = Verdict.Finding }));
        Assert.False(PowerRules.Passed(r with { Verdict = Verdict.Fail }));
        Assert.False(PowerRules.Passed(r with { Verdict = Verdict.NotRun }));
    }

    [Fact]
    public void EveryMutantNamesRealClaimsOfItsFamilyAndAppliesSomewhere()
    {
        Assert.Equal(Catalog.Mutants.Count, Catalog.Mutants.Select(m => m.Id).Distinct().Count());
        foreach (var m in Catalog.Mutants)
        {
            var family = Catalog.Claims.Where(c => c.Spec.Family == m.Family).ToArray();
            Assert.NotEmpty(family);
            Assert.All(m.NotApplicable.Keys, id => Assert.Contains(family, c => c.Spec.Id == id));
            Assert.All(m.NotApplicable.Values, why => Assert.False(string.IsNullOrWhiteSpace(why)));
            // A declared survivor is a claim the mutant applies to (never one it is n.a. for), with its reason.
            Assert.All(m.Survives, kv => Assert.True(family.Any(c => c.Spec.Id == kv.Key) && !m.NotApplicable.ContainsKey(kv.Key)
                                                     && !string.IsNullOrWhiteSpace(kv.Value), $"{m.Id} declares {kv.Key} a survivor"));
            Assert.Contains(family, c => m.WhyNotApplicable(c.Spec) is null);
            Assert.All(Catalog.Claims.Where(c => c.Spec.Family != m.Family), c => Assert.NotNull(m.WhyNotApplicable(c.Spec)));
        }
    }
}
