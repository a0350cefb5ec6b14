// Coin claims stated on part of the coins: a --target outside the domain is "not applicable (…)" before anything trains,
// never pass or fail. PT-7: p ∈ [0.2, 0.8] (docs/power.md#pt-7: at 0.05 the untrained nets are not steered far enough at
// ci); PT-3: p ∈ [0.1, 0.9], the range its statement names and its cases are drawn from; PT-6: the fair coin only.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Reference.Coins;

namespace TheoryCheck.Tests.Claims;

[Trait("Tier", "Fast")]
public sealed class CoinDomainTests
{
    [Theory]
    [InlineData("PT-7", 0.05)]
    [InlineData("PT-7", 0.19)]
    [InlineData("PT-7", 0.81)]
    [InlineData("PT-3", 0.05)]
    [InlineData("PT-3", 0.95)]
    [InlineData("PT-6", 0.3)]
    public void ACoinOutsideTheDomainIsNotApplicable(string id, double p)
    {
        var claim = TheoryCheck.Claims.Catalog.Claims.Single(c => c.Spec.Id == id);
        var ctx = RunContext.Quiet(Scale.Smoke) with { Target = new SingleCoin(p) };
        var e = Assert.Throws<ClaimNotRunException>(() => claim.Run(ctx));
        Assert.StartsWith($"not applicable (coin {p.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside {id}'s domain", e.Message);
    }

    [Fact]
    public void TheDomainsHoldTheDefaultCoinAndAreTheStatedOnes()
    {
        Assert.InRange(PromptingSetup.Coin.P, UntrainedSteering.DomainLow, 1 - UntrainedSteering.DomainLow);
        Assert.Contains("p ∈ [0.2, 0.8]", UntrainedSteering.Claim.Spec.Statement);
        Assert.Contains("p ∈ [0.1, 0.9]", SoftBeatsHard.Claim.Spec.Statement);
        Assert.Equal(0.1, SoftBeatsHard.DomainLow);
    }
}
