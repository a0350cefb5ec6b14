// The PT family's main comparison table as a snapshot (Claim tier). It shares one process-wide memo of tuning runs
// (TuningRuns) with the PT claims, so the claims and the table tune each (method, network, target, seed) once.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Specs.Support;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.PromptTuning;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class PromptTuningSnapshot(ITestOutputHelper output)
{
    [Fact]
    public void ResultTableMatchesSnapshot() =>
        SnapshotAssert.Matches(PromptTuningTable.Instance.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));

    /// <summary>What PT-4's and PT-7's findings rest on, from the claims' own (memoised) runs.</summary>
    [Fact]
    public void DeclaredFindingsMatchSnapshot() =>
        SnapshotAssert.Matches(Catalog.Table("PromptTuning.Findings")!.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
}
