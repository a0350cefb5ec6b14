// A run in which no bound applies in any case checked nothing: Claim.Run reports it not applicable (NoBoundAppliesException, a
// ClaimNotRunException as a whole-claim domain check throws), never a plain pass; one applicable bound is enough to judge the
// claim; a declared miss that no case measured is said not checked; and a map reads such a point as not measured.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class NotApplicableClaimTests
{
    /// <summary>Two bounds, both not applicable in every case: nothing was checked.</summary>
    sealed class NothingApplies(bool oneApplies) : Claim<int>
    {
        public override ClaimSpec Spec { get; } = new("XD-2", "test", "test", "XD", "f ≤ 0.5 and g ≤ 0.5",
            new[] { Bound.AtMost("f", 0.5, "test"), Bound.AtMost("g", 0.5, "test") }, "f and g at the wrong knob", new ScalePresets("", "", ""));

        public override int CaseCount(Scale scale) => 2;
        public override Gen<int> Cases(Scale scale) => Gen.Choose(0, 9);

        public override CaseOutcome Evaluate(int instance, RunContext ctx) =>
            new("case", new[] { Measurement.NotApplicable("no network f is about"), oneApplies ? Measurement.Exact(0.1) : Measurement.NotApplicable("no g here") },
                new Measurement?[] { Measurement.Exact(3), Measurement.Exact(3) });
    }

    [Fact]
    public void ARunWhereNoBoundAppliesIsNotApplicableNotAPass()
    {
        var e = Assert.Throws<NoBoundAppliesException>(() => new NothingApplies(oneApplies: false).Run(RunContext.Quiet(Scale.Smoke)));
        Assert.StartsWith("not applicable (no bound of XD-2 applies in any of its 2 case(s); f: not applicable: no network f is about)", e.Message);
        Assert.Equal(Verdict.Pass, new NothingApplies(oneApplies: true).Run(RunContext.Quiet(Scale.Smoke)).Verdict);
    }

    [Fact]
    public void AMapPointWhereNoBoundAppliesIsNotMeasured()
    {
        var claim = new NothingApplies(oneApplies: false);
        var axis = new Axis("knob", 0, 1, 0.1, "", "test", _ => double.NaN);
        var p = BoundaryMap.Point(claim, claim.Spec.Bounds[0], new[] { axis }, new[] { 0.5 }, RunContext.Quiet(Scale.Smoke));
        Assert.Equal(PointStatus.NotMeasured, p.Status);
        Assert.StartsWith("not applicable (no bound of XD-2", p.Reason);
    }

    /// <summary>f is declared to miss, but no case can measure it; g applies and holds.</summary>
    sealed class MissNotMeasured : Claim<int>
    {
        public override ClaimSpec Spec { get; } = new("XD-3", "test", "test", "XD", "f ≤ 0.5 and g ≤ 0.5",
            new[] { Bound.AtMost("f", 0.5, "test").Missing("misses on the Transformer"), Bound.AtMost("g", 0.5, "test") },
            "f and g at the wrong knob", new ScalePresets("", "", ""));

        public override int CaseCount(Scale scale) => 1;
        public override Gen<int> Cases(Scale scale) => Gen.Constant(0);

        public override CaseOutcome Evaluate(int instance, RunContext ctx) =>
            new("case", new[] { Measurement.NotApplicable("--arch lstm leaves out the Transformer"), Measurement.Exact(0.1) },
                new Measurement?[] { Measurement.Exact(3), Measurement.Exact(3) });
    }

    [Fact]
    public void ADeclaredMissThatNoCaseMeasuredIsSaidNotChecked()
    {
        var r = new MissNotMeasured().Run(RunContext.Quiet(Scale.Smoke));
        Assert.Equal(Verdict.Pass, r.Verdict);
        Assert.Contains("f is declared to miss and applies in no case of this run (not applicable: --arch lstm leaves out the Transformer): the finding was not checked", r.Reason);
    }

    [Fact]
    public void AFindingsTableKeepsTheOtherClaimsWhenOneChecksNothing()
    {
        var table = new FindingsTable("XD.Findings", "XD", new IClaim[] { new NothingApplies(oneApplies: false), new MissNotMeasured() })
            .Build(RunContext.Quiet(Scale.Smoke));
        Assert.Contains(table.Rows, r => r[0] == "XD-2" && r[6].StartsWith("not applicable (no bound of XD-2"));
        Assert.Contains(table.Rows, r => r[0] == "XD-3" && r[4] == "g <= 0.5" && r[6] == "holds");
    }
}
