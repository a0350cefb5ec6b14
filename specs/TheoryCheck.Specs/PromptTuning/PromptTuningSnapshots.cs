// The PT family's snapshot tables (the main comparison per network, the findings), all in the Extended tier since the oneDNN pin
// took the default `dotnet test` over its budget (docs/performance.md, *Suite times*).
// They share one process-wide memo of tuning runs (TuningRuns) with the PT claims, so the claims and the tables tune each
// (method, network, target, seed) once.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Specs.Support;
using TheoryCheck.Xunit;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.PromptTuning;

/// <summary>The PT tables: the Extended tier (the Transformer's runs are three quarters of the PT family's compute).</summary>
[Trait("Tier", "Extended")]
public sealed class PromptTuningSnapshots(ITestOutputHelper output)
{
    /// <summary>The LSTM's table: the tuning runs the claims do not make (the two-coin column, EmbedWT), 66 s of the cold default
    /// run, which was over its budget on AVX-512 machines under the oneDNN pin (docs/performance.md, *Suite times*).</summary>
    [SkippableFact]
    public void LstmTableMatchesSnapshot()
    {
        ExtendedTier.SkipUnlessRequested("the LSTM's PT table");
        SnapshotAssert.Matches(PromptTuningTable.Lstm.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
    }

    [SkippableFact]
    public void TransformerTableMatchesSnapshot()
    {
        ExtendedTier.SkipUnlessRequested("the Transformer's PT table");
        SnapshotAssert.Matches(PromptTuningTable.Transformer.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
    }

    /// <summary>What PT-4's and PT-7's findings rest on, from the claims' own (memoised) runs. Extended with PT-4's Transformer
    /// half, whose runs it reads: in the default tier it would re-tune them (56 s).</summary>
    [SkippableFact]
    public void DeclaredFindingsMatchSnapshot()
    {
        ExtendedTier.SkipUnlessRequested("the PT findings table (PT-4's Transformer half)");
        SnapshotAssert.Matches(Catalog.Table("PromptTuning.Findings")!.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
    }
}
