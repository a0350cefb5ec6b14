// PA-8 … PA-17 as properties (Claim tier: GD training of the TorchSharp models, or simulations of the known-prompt heads).
using TheoryCheck.Claims.Attention;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.Attention;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class TrainedAttentionProperties(ITestOutputHelper output)
{
    [Fact]
    public void TrainedPromptAttentionSolvesMatchedDistractorsWhileLinearModelsStayAtChance() => ClaimProperty.Check(MatchedTrained.Claim, output);

    [Fact]
    public void FirstTwoGradientStepsMatchThePopulationPredictions() => ClaimProperty.Check(TwoStepMagnitudes.Claim, output);

    [Fact]
    public void HeadAlignmentAfterOneStepMatchesTheClosedForm() => ClaimProperty.Check(HeadAlignment.Claim, output);

    [Fact]
    public void PromptAlignmentGrowsWithSampleSize() => ClaimProperty.Check(PromptAlignmentGrowth.Claim, output);

    [Fact]
    public void TrainedPromptAttentionBeatsUniformAttention() => ClaimProperty.Check(BeatsUniformAttention.Claim, output);

    [Fact]
    public void SelfAttentionReadAtAFixedPositionFailsWherePromptAttentionSucceeds() => ClaimProperty.Check(SelfAttentionReadout.Claim, output);
}

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class KnownPromptProperties(ITestOutputHelper output)
{
    [Fact]
    public void RidgeHeadErrorMatchesTheMarchenkoPasturFormula() => ClaimProperty.Check(RidgeFormula.Claim, output);

    [Fact]
    public void MeanDifferenceHeadErrorMatchesTheClosedForm() => ClaimProperty.Check(MeanDifferenceFormula.Claim, output);

    [Fact]
    public void RidgelessHeadShowsTheDoubleDescentPeak() => ClaimProperty.Check(DoubleDescentPeak.Claim, output);

    [Fact]
    public void KnowingTheContextLowersTheError() => ClaimProperty.Check(ContextBenefit.Claim, output);
}
