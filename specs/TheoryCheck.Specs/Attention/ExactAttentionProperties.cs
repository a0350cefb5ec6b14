// PA-1 … PA-7 as properties (Fast tier: exact identities and closed forms on the TorchSharp models, no training).
using TheoryCheck.Claims.Attention;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.Attention;

[Trait("Tier", "Fast")]
public sealed class ExactAttentionProperties(ITestOutputHelper output)
{
    [Fact]
    public void PromptAttentionWithZeroPromptIsTheLinearModel() => ClaimProperty.Check(PromptAtZeroIsLinear.Claim, output);

    [Fact]
    public void AnalyticGradientsMatchFiniteDifferencesAndAutograd() => ClaimProperty.Check(GradientCorrectness.Claim, output);

    [Fact]
    public void PromptAttentionIsInvariantToOrthogonalPromptsPermutationsAndKeyQueryFactorisation() =>
        ClaimProperty.Check(SoftmaxInvariances.Claim, output);

    [Fact]
    public void OraclePromptSelectsTheContextAboveTheE1Threshold() => ClaimProperty.Check(SelectionBound.Claim, output);

    [Fact]
    public void RelevantMassIsNonDecreasingInPromptNorm() => ClaimProperty.Check(MonotoneSelection.Claim, output);

    [Fact]
    public void LinearPromptAttentionAndLinearModelAreBlindOnMatchedDistractors() => ClaimProperty.Check(MatchedBlindness.Claim, output);

    [Fact]
    public void PromptAttentionMarginOnMatchedDistractorsEqualsTheE2Formula() => ClaimProperty.Check(MatchedMarginFormula.Claim, output);
}
