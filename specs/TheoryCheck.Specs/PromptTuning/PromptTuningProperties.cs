// The PT family as properties. Training claims share one process-wide memo of tuning runs (TuningRuns), so the claims and the
// result table tune each (method, network, target, seed) once. Claim tier, one non-parallel torch collection.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.PromptTuning;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class PromptTuningProperties(ITestOutputHelper output)
{
    [Fact]
    public void HardPromptingMirrorsIdealConditioning() => ClaimProperty.Check(HardPrompting.Claim, output);

    [Fact]
    public void SoftPrefixesBeatHardPrefixes() => ClaimProperty.Check(SoftBeatsHard.Claim, output);

    [Fact]
    public void PrefixSpacesAreNested() => ClaimProperty.Check(PrefixNesting.Claim, output);

    [Fact]
    public void PrefixesCannotFitAMixtureButWeightsCan() => ClaimProperty.Check(MixtureLimitation.Claim, output);

    [Fact]
    public void PrefixesCannotReachANovelTask() => ClaimProperty.Check(NovelTask.Claim, output);

    [Fact]
    public void SoftPrefixesSteerAnUntrainedTransformer() => ClaimProperty.Check(UntrainedSteering.Claim, output);

    [Fact]
    public void WeightTuningFitsASingleCoin() => ClaimProperty.Check(WeightTuningCoin.Claim, output);

    [Fact]
    public void RandomHardPrefixesHurt() => ClaimProperty.Check(RandomPrefixes.Claim, output);

    [Fact]
    public void ResultTableMatchesSnapshot() =>
        SnapshotAssert.Matches(PromptTuningTable.Instance.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
}

[Trait("Tier", "Fast")]
public sealed class ExactPromptingProperties(ITestOutputHelper output)
{
    [Fact]
    public void IdealConditioningReachesSingleCoinsButNotMixturesOrNovelTasks() => ClaimProperty.Check(ExactPrompting.Claim, output);
}

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class TunerHygieneProperties(ITestOutputHelper output)
{
    [Fact]
    public void TunersTouchOnlyWhatTheyTune() => ClaimProperty.Check(TunerHygiene.Claim, output);
}
