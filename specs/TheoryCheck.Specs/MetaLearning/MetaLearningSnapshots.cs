// The MB family's result tables as snapshots: the p1 §5.2 exact table (Fast tier) and the meta-trained nets' table (Claim
// tier, sharing the models the MB claims trained). A snapshot records what happened; the claims decide pass or fail.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Specs.Support;
using TheoryCheck.Xunit;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.MetaLearning;

[Trait("Tier", "Fast")]
public sealed class ExactRegretSnapshot
{
    [Fact]
    public void ExactIdealBaselinesMatchVerifiedTable() =>
        SnapshotAssert.Matches(ExactRegretTable.Instance.Build(RunContext.Quiet(Scale.Ci)));
}

[Trait("Tier", "Claim")]
public sealed class BayesOptimalitySnapshot(ITestOutputHelper output)
{
    [Fact]
    public void ResultTableMatchesSnapshot() =>
        SnapshotAssert.Matches(BayesOptimalityTable.Instance.Build(new RunContext(RunSettings.Scale(), 1, output.WriteLine)));
}
