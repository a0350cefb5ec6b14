// PA-18 as a property (Claim tier: GD training on contextual Fashion-MNIST). The dataset is an optional system package:
// without it the spec is skipped locally with the install command, and fails under CI, which always installs it.
using TheoryCheck.Claims.Attention;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.Attention;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class RealDataAttentionProperties(ITestOutputHelper output)
{
    [SkippableFact]
    public void TrainedPromptAttentionBeatsTheLinearProbeAndAttendsToTheRelevantImages()
    {
        SkipWithoutFashionMnist("PA-18");
        ClaimProperty.Check(RealDataAttention.Claim, output);
    }

    /// <summary>
    /// Skips (never passes) when Fashion-MNIST is absent on a developer machine; under CI it does not skip, so the claim's
    /// MissingDatasetException fails the test.
    /// </summary>
    public static void SkipWithoutFashionMnist(string what) =>
        Skip.If(!FashionMnist.Available && !SnapshotStore.IsCi,
                $"{what} not run: Fashion-MNIST not found in {FashionMnist.Folder}; install with {FashionMnist.InstallCommand}");
}
