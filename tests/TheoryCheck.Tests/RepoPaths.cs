// The repository's root, which the build writes into the test assembly (AssemblyMetadata "RepoRoot"): tests that read the
// committed README, docs and snapshots find them from here, wherever the tests run.
using System.Reflection;

namespace TheoryCheck.Tests;

public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;
}
