// A declared miss with a domain (Bound.ReproducingOn), through Claim.Run: the case's InMissDomain flag reaches the judge, a
// hold outside the domain is a pass that says the finding was not checked, and a hold inside it still fails loudly.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class MissDomainClaimTests
{
    /// <summary>One case measuring <paramref name="value"/> against ≤ 0.5 (declared to miss on "the default knob"), in or out of
    /// that domain; its control (3.0) fails clearly.</summary>
    sealed class OneCase(double value, bool inDomain) : Claim<int>
    {
        public override ClaimSpec Spec { get; } = new("XD-1", "test", "test", "XD", "f ≤ 0.5",
            new[] { Bound.AtMost("f", 0.5, "test").Missing("misses at the default knob").ReproducingOn("the default knob") },
            "f at the wrong knob", new ScalePresets("", "", ""));

        public override int CaseCount(Scale scale) => 1;
        public override Gen<int> Cases(Scale scale) => Gen.Constant(0);

        public override CaseOutcome Evaluate(int instance, RunContext ctx) =>
            new("case", new[] { Measurement.Exact(value) }, new Measurement?[] { Measurement.Exact(3) }, InMissDomain: inDomain);
    }

    static ClaimResult Run(double value, bool inDomain) => new OneCase(value, inDomain).Run(RunContext.Quiet(Scale.Smoke));

    [Fact]
    public void OutsideTheDomainAHoldIsAPassThatSaysTheFindingWasNotChecked()
    {
        var r = Run(0.1, inDomain: false);
        Assert.Equal(Verdict.Pass, r.Verdict);
        Assert.Contains("f is declared to miss on the default knob", r.Reason);
        Assert.False(r.CaseResults.Single().InMissDomain);
    }

    [Fact]
    public void OutsideTheDomainAMissIsTolerated()
    {
        var r = Run(0.9, inDomain: false);
        Assert.Equal(Verdict.Finding, r.Verdict);
        Assert.Contains("a miss there is tolerated", r.Reason);
    }

    [Fact]
    public void InsideTheDomainAHoldStillFailsAndAMissIsTheFinding()
    {
        var gone = Run(0.1, inDomain: true);
        Assert.Equal(Verdict.Fail, gone.Verdict);
        Assert.StartsWith("declared finding no longer reproduces: f now holds", gone.Reason);
        Assert.Contains("on the default knob", gone.Reason);
        var r = Run(0.9, inDomain: true);
        Assert.Equal(Verdict.Finding, r.Verdict);
        Assert.DoesNotContain("tolerated", r.Reason);
    }
}
