// The verdict rule with uncertainty: limits decide, weak controls fail the claim, more samples settle ties.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class JudgeTests
{
    static readonly Bound AtMost1 = Bound.AtMost("kl", 1.0, "test");

    static ClaimSpec Spec(bool declaredMiss = false) =>
        new("T-1", "P1", "test", "T", "statement", new[] { declaredMiss ? AtMost1.Missing("test") : AtMost1 }, "control", new ScalePresets("", "", ""));

    [Fact]
    public void MeanBelowBoundByLessThanOneSeDoesNotHold()
    {
        var m = new Measurement(0.99, 0.02, 100, "mean");
        Assert.False(Judge.Check(AtMost1, m).Holds);                 // upper limit 0.99 + 1.645·0.02 > 1
        Assert.True(Judge.Check(AtMost1, m with { Se = 0.001 }).Holds);
    }

    [Fact]
    public void ControlWithinNoiseIsWeakAndFailsTheClaim()
    {
        var outcome = new CaseOutcome("c", new[] { Measurement.Exact(0.5) }, new Measurement?[] { new Measurement(1.01, 0.05, 50, "mean") });
        var (_, control, verdict, reason) = Judge.Case(Spec(), outcome);
        Assert.Equal(ControlStatus.Weak, control.Status);
        Assert.Equal(Verdict.Fail, verdict);
        Assert.Contains("weak", reason);
    }

    [Fact]
    public void PassingControlMeansTheClaimIsNotTested()
    {
        var outcome = new CaseOutcome("c", new[] { Measurement.Exact(0.5) }, new Measurement?[] { Measurement.Exact(0.4) });
        Assert.Equal(Verdict.Fail, Judge.Case(Spec(), outcome).Verdict);
    }

    [Fact]
    public void DeclaredFindingReportsFindingNotFail()
    {
        var outcome = new CaseOutcome("c", new[] { Measurement.Exact(2) }, new Measurement?[] { Measurement.Exact(3) });
        Assert.Equal(Verdict.Fail, Judge.Case(Spec(), outcome).Verdict);
        Assert.Equal(Verdict.Finding, Judge.Case(Spec(declaredMiss: true), outcome).Verdict);
    }

    static readonly Bound AtLeast0 = Bound.AtLeast("mass", 0.0, "test");

    static ClaimSpec TwoBounds() =>
        new("T-2", "P1", "test", "T", "statement", new[] { AtMost1.Missing("expected to miss"), AtLeast0 }, "control", new ScalePresets("", "", ""));

    static CaseOutcome Outcome(double kl, double klSe, double mass) =>
        new("c", new[] { new Measurement(kl, klSe, 100, "mean"), Measurement.Exact(mass) },
            new Measurement?[] { Measurement.Exact(5), Measurement.Exact(-1) });

    [Fact]
    public void AnUndeclaredMissFailsAClaimThatHasADeclaredOne()
    {
        var (_, _, verdict, reason) = Judge.Case(TwoBounds(), Outcome(kl: 2, klSe: 0.01, mass: -0.5));
        Assert.Equal(Verdict.Fail, verdict);
        Assert.Contains("bound violated: mass", reason);
        Assert.Equal(Verdict.Finding, Judge.Case(TwoBounds(), Outcome(kl: 2, klSe: 0.01, mass: 0.5)).Verdict);
    }

    [Fact]
    public void ADeclaredMissWithinNoiseStaysAFindingMarkedBorderline()
    {
        // 1.01 ± 0.05: the upper limit is past 1 (misses), the lower limit is not (not clearly).
        var (bounds, _, verdict, reason) = Judge.Case(TwoBounds(), Outcome(kl: 1.01, klSe: 0.05, mass: 0.5));
        Assert.Equal(Verdict.Finding, verdict);
        Assert.True(Judge.Borderline(bounds[0]));
        Assert.Contains("borderline", reason);
        Assert.False(Judge.Borderline(Judge.Case(TwoBounds(), Outcome(kl: 2, klSe: 0.01, mass: 0.5)).Bounds[0]));
    }

    [Fact]
    public void ADeclaredMissThatHoldsInEveryCaseNoLongerReproduces()
    {
        CaseResult Judged(int i, double kl)
        {
            var (bounds, control, verdict, reason) = Judge.Case(TwoBounds(), Outcome(kl, 0.01, 0.5));
            return new CaseResult(i, "c" + i, bounds, control, verdict, reason);
        }
        Assert.Null(Judge.NoLongerReproduces(TwoBounds(), new[] { Judged(0, 0.5), Judged(1, 2) }));   // still misses in case 1
        string? gone = Judge.NoLongerReproduces(TwoBounds(), new[] { Judged(0, 0.5), Judged(1, 0.9) });
        Assert.NotNull(gone);
        Assert.StartsWith("declared finding no longer reproduces: kl now holds", gone);
        Assert.Contains("update the definition", gone);
        Assert.Equal(ClaimStatus.Finding, TwoBounds().Status);
        Assert.Equal(ClaimStatus.Expected, Spec().Status);
    }

    [Fact]
    public void ADeclaredMissWithADomainMustReproduceOnlyInsideIt()
    {
        var spec = TwoBounds() with { Bounds = new[] { TwoBounds().Bounds[0].ReproducingOn("case 0"), TwoBounds().Bounds[1] } };
        CaseResult Judged(int i, double kl, bool inDomain)
        {
            var (bounds, control, verdict, reason) = Judge.Case(spec, Outcome(kl, 0.01, 0.5));
            return new CaseResult(i, "c" + i, bounds, control, verdict, reason) { InMissDomain = inDomain };
        }
        // Holding outside the domain is a pass, not a lost finding; the run says the finding was not checked.
        Assert.Null(Judge.NoLongerReproduces(spec, new[] { Judged(0, 0.5, inDomain: false) }));
        Assert.Contains("kl is declared to miss on case 0, where no case of this run lies", Judge.MissesNotChecked(spec, new[] { Judged(0, 0.5, inDomain: false) }));
        // Inside it, holding everywhere still fails loudly, even when it misses outside.
        string? gone = Judge.NoLongerReproduces(spec, new[] { Judged(0, 0.5, inDomain: true), Judged(1, 2, inDomain: false) });
        Assert.NotNull(gone);
        Assert.Contains("on case 0", gone);
        Assert.Null(Judge.NoLongerReproduces(spec, new[] { Judged(0, 2, inDomain: true), Judged(1, 0.5, inDomain: false) }));
        Assert.Null(Judge.MissesNotChecked(spec, new[] { Judged(0, 2, inDomain: true) }));
        Assert.Throws<InvalidOperationException>(() => AtMost1.ReproducingOn("anywhere"));
    }

    // A control that violates the first bound clearly but passes the second: the second bound does not tell the claim from
    // its near miss.
    static ClaimSpec ControlledTwice(bool everyBound) =>
        new("T-3", "P1", "test", "T", "statement", new[] { AtMost1, AtLeast0 }, "control", new ScalePresets("", "", ""),
            EveryBoundControlled: everyBound);

    static CaseOutcome ControlFailsOneBoundOnly() =>
        new("c", new[] { Measurement.Exact(0.5), Measurement.Exact(0.5) }, new Measurement?[] { Measurement.Exact(3), Measurement.Exact(0.2) });

    [Fact]
    public void WithThePerBoundRuleAControlThatHoldsOnOneBoundFailsTheClaim()
    {
        var (_, control, verdict, reason) = Judge.Case(ControlledTwice(everyBound: true), ControlFailsOneBoundOnly());
        Assert.Equal(ControlStatus.Fails, control.Status);
        Assert.Equal(new[] { ControlStatus.Fails, ControlStatus.Holds }, control.ByBound);
        Assert.Equal(Verdict.Fail, verdict);
        Assert.StartsWith("control does not fail clearly on mass", reason);
    }

    [Fact]
    public void WithoutThePerBoundRuleTheSameClaimPassesAndShowsTheBoundWhoseControlHolds()
    {
        var spec = ControlledTwice(everyBound: false);
        var (_, control, verdict, _) = Judge.Case(spec, ControlFailsOneBoundOnly());
        Assert.Equal(Verdict.Pass, verdict);
        Assert.Equal(ControlStatus.Holds, control.On(spec.Bounds[1], spec.Bounds));
        Assert.Equal(ControlStatus.Fails, control.On(spec.Bounds[0], spec.Bounds));
    }

    [Fact]
    public void ABoundTheControlDoesNotMeasureIsNotRunAndKeepsItsDeclaredReason()
    {
        var spec = new ClaimSpec("T-4", "P1", "test", "T", "statement",
            new[] { AtMost1, AtLeast0.Uncontrolled("no near miss exists: exact identity") }, "control", new ScalePresets("", "", ""),
            EveryBoundControlled: true);
        var outcome = new CaseOutcome("c", new[] { Measurement.Exact(0.5), Measurement.Exact(0.5) }, new Measurement?[] { Measurement.Exact(3), null });
        var (_, control, verdict, _) = Judge.Case(spec, outcome);
        Assert.Equal(Verdict.Pass, verdict);
        Assert.Equal(ControlStatus.NotRun, control.ByBound![1]);
        Assert.Equal("no near miss exists: exact identity", spec.Bounds[1].UncontrolledReason);
    }

    [Fact]
    public void ANotApplicableBoundNeitherFailsNorDecidesTheWorstCase()
    {
        var spec = new ClaimSpec("T-5", "P1", "test", "T", "statement", new[] { AtMost1, AtLeast0 }, "control", new ScalePresets("", "", ""));
        var na = Measurement.NotApplicable("--arch lstm leaves out the Transformer");
        var outcome = new CaseOutcome("c", new[] { Measurement.Exact(0.5), na }, new Measurement?[] { Measurement.Exact(3), null });
        var (bounds, _, verdict, reason) = Judge.Case(spec, outcome);
        Assert.Equal(Verdict.Pass, verdict);
        Assert.False(bounds[1].Applicable);
        Assert.True(bounds[0].Applicable);
        var result = new CaseResult(0, "c", bounds, new ControlResult("control", [], ControlStatus.Fails), verdict, reason);
        Assert.Equal(0.5, result.Margin, 12);   // from the applicable bound only
        Assert.Contains("not applicable", na.ToString());

        // The applicable bound still gates: violated, the case fails whatever the other one says.
        var broken = new CaseOutcome("c", new[] { Measurement.Exact(2.0), na }, new Measurement?[] { Measurement.Exact(3), null });
        Assert.Equal(Verdict.Fail, Judge.Case(spec, broken).Verdict);
    }

    [Fact]
    public void SequentialDrawsMoreUntilTheIntervalClearsTheBound()
    {
        // Values alternate 0.9 ± 0.25: mean 0.9, per-value sd ≈ 0.25; 8 values leave the limit above 1, more settle it.
        IReadOnlyList<double> Draw(int offset, int count) =>
            Enumerable.Range(offset, count).Select(i => i % 2 == 0 ? 1.15 : 0.65).ToArray();
        var m = Sequential.Mean(Draw, AtMost1, initial: 8, cap: 4096);
        Assert.True(m.Samples > 8);
        Assert.True(m.Samples <= 4096);
        Assert.True(Judge.Check(AtMost1, m).Holds);
    }

    [Fact]
    public void SequentialRespectsTheCap()
    {
        IReadOnlyList<double> Draw(int offset, int count) =>
            Enumerable.Range(offset, count).Select(i => i % 2 == 0 ? 2.0 : 0.0).ToArray();   // mean exactly 1: never settles
        var m = Sequential.Mean(Draw, AtMost1, initial: 10, cap: 100);
        Assert.Equal(100, m.Samples);
        Assert.False(Judge.Check(AtMost1, m).Holds);
    }

    [Fact]
    public void BootstrapIntervalIsSeededAndContainsTheMedian()
    {
        var reps = new[] { 0.3, 0.31, 0.29, 0.35, 0.28 };
        var a = Bootstrap.Median(reps, seed: 7);
        Assert.Equal(a, Bootstrap.Median(reps, seed: 7));
        Assert.InRange(a.Value, a.Lower, a.Upper);
        Assert.Equal(0.30, a.Value, 12);
    }
}
