// Optional datasets: a spec that needs one is skipped on a developer machine without it, with the install command, and
// fails under CI, which always installs it (there the claim's MissingDatasetException fails the test).
using TheoryCheck.Claims.Attention;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Specs.Support;

public static class DatasetSkip
{
    /// <summary>Skips (never passes) when Fashion-MNIST is absent outside CI.</summary>
    public static void WithoutFashionMnist(string what) =>
        Skip.If(!FashionMnist.Available && !SnapshotStore.IsCi,
                $"{what} not run: Fashion-MNIST not found in {FashionMnist.Folder}; install with {FashionMnist.InstallCommand}");
}
