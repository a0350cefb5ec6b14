// The case stream and the reported case: one seeded draw per (claim, scale, seed), every case recorded, the worst case
// chosen by margin with ties broken by index, and a failing exact claim shrunk to its minimal counterexample.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class CaseStreamTests
{
    /// <summary>A deliberately broken identity: it "fails" for every x ≥ 37, so the minimal counterexample is 37.</summary>
    sealed class BrokenAbove37 : Claim<int>
    {
        public override ClaimSpec Spec { get; } = new("T-1", "P0", "test", "T", "x < 37 for x in [0, 1000]",
            new[] { Bound.AtMost("error", 0.5, "test") }, "always 1", new ScalePresets("50", "50", "50"));
        public override int CaseCount(Scale scale) => 50;
        public override Gen<int> Cases(Scale scale) => Gen.Choose(0, 1000);
        public override IEnumerable<int> Shrink(int failing) => Shrinks.Toward(failing, 0);
        public override CaseOutcome Evaluate(int x, RunContext ctx) =>
            new(x.ToString(), new[] { Measurement.Exact(x >= 37 ? 1 : 0) }, new Measurement?[] { Measurement.Exact(1) });
    }

    [Fact]
    public void AFailingExactClaimShrinksToItsMinimalCounterexample()
    {
        var r = new BrokenAbove37().Run(RunContext.Quiet(Scale.Ci));
        Assert.Equal(Verdict.Fail, r.Verdict);
        Assert.NotNull(r.Shrunk);
        Assert.Equal("37", r.Shrunk!.Minimal.Case);
        Assert.Contains("minimal counterexample: 37", r.Reason);
        Assert.Equal(50, r.CaseResults.Count);
        Assert.Equal(Enumerable.Range(0, 50), r.CaseResults.Select(c => c.Index));
    }

    [Fact]
    public void TheCaseStreamIsAFunctionOfClaimScaleAndSeed()
    {
        var claim = new BrokenAbove37();
        var a = CaseStream.Draw(claim, Scale.Ci, 1);
        Assert.Equal(a, CaseStream.Draw(claim, Scale.Ci, 1));
        Assert.NotEqual(a, CaseStream.Draw(claim, Scale.Ci, 2));
        Assert.Equal(a.Select(x => x.ToString()), claim.Plan(RunContext.Quiet(Scale.Ci, 1)).Cases);
    }

    static CaseResult Case(int index, double measured) =>
        new(index, $"case {index}", new[] { Judge.Check(Bound.AtMost("m", 1, "test"), Measurement.Exact(measured)) },
            new ControlResult("c", Array.Empty<BoundResult>(), ControlStatus.Fails), Verdict.Pass, "");

    [Fact]
    public void TiesWithinRoundingAreBrokenByCaseIndex()
    {
        // Margins 0.5 and 0.5 − 1e-13 are a tie (rounding noise): the lower index is reported whichever order they arrive in.
        var cases = new[] { Case(0, 0.1), Case(1, 0.5), Case(2, 0.5 + 1e-13) };
        Assert.Equal(1, Claim<int>.Worst(cases).Index);
        Assert.Equal(1, Claim<int>.Worst(cases.Reverse().ToArray()).Index);
        // A real difference still decides.
        Assert.Equal(2, Claim<int>.Worst(new[] { Case(0, 0.1), Case(1, 0.5), Case(2, 0.6) }).Index);
    }

    [Fact]
    public void ShrinkCandidatesStartAtTheMinimumAndStayBelowTheValue()
    {
        Assert.Equal(new[] { 0, 5, 8, 9 }, Shrinks.Toward(10, 0));
        Assert.Empty(Shrinks.Toward(3, 3));
        Assert.Equal(new[] { 0.5, 0.502, 0.503 }, Shrinks.Toward(0.504, 0.5, 0.001).Select(x => Math.Round(x, 6)));
    }
}
