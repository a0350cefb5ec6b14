// The PT family's main comparison tables as snapshots: the LSTM's in the Claim tier, the Transformer's in the Extended tier.
// They share one process-wide memo of tuning runs (TuningRuns) with the PT claims, so the claims and the tables tune each
// (method, network, target, seed) once.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Specs.Support;
using TheoryCheck.Xunit;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.PromptTuning;

[Trait("Tier", "Claim")]
public sealed class PromptTuningSnapshot(ITestOutputHelper output)
{
    [Fact]
    public void LstmTableMatchesSnapshot() =>
        SnapshotAssert.Matches(PromptTuningTable.Lstm.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));


    /// <summary>What PT-4's and PT-7's findings rest on, from the claims' own (memoised) runs.</summary>
    [Fact]
    public void DeclaredFindingsMatchSnapshot() =>
        SnapshotAssert.Matches(Catalog.Table("PromptTuning.Findings")!.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
}

/// <summary>The Transformer's table: the Extended tier (its runs are three quarters of the PT family's compute).</summary>
[Trait("Tier", "Extended")]
public sealed class PromptTuningTransformerSnapshot(ITestOutputHelper output)
{
    [SkippableFact]
    public void TransformerTableMatchesSnapshot()
    {
        ExtendedTier.SkipUnlessRequested("the Transformer's PT table");
        SnapshotAssert.Matches(PromptTuningTable.Transformer.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
    }
}
