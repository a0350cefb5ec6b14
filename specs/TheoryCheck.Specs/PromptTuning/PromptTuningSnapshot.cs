// The PT family's main comparison table as a snapshot (Claim tier). It shares one process-wide memo of tuning runs
// (TuningRuns) with the PT claims, so the claims and the table tune each (method, network, target, seed) once.
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
}
