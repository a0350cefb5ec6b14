// PT-7's declared domain: a coin outside p ∈ [0.2, 0.8] is "not applicable" before anything trains, never pass or fail
// (docs/power.md#pt-7: at 0.05 the untrained nets are not steered far enough at ci).
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Claims;

[Trait("Tier", "Fast")]
public sealed class UntrainedSteeringDomainTests
{
    [Theory]
    [InlineData(0.05)]
    [InlineData(0.19)]
    [InlineData(0.81)]
    public void ACoinOutsideTheDomainIsNotApplicable(double p)
    {
        var ctx = RunContext.Quiet(Scale.Smoke) with { Target = new SingleCoin(p) };
        var e = Assert.Throws<ClaimNotRunException>(() => UntrainedSteering.Claim.Run(ctx));
        Assert.StartsWith("not applicable (coin ", e.Message);
    }

    [Fact]
    public void TheDomainIsSymmetricAndHoldsTheDefaultCoin()
    {
        Assert.InRange(PromptingSetup.Coin.P, UntrainedSteering.DomainLow, 1 - UntrainedSteering.DomainLow);
        Assert.Contains("p ∈ [0.2, 0.8]", UntrainedSteering.Claim.Spec.Statement);
    }
}
