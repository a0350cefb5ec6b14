// The p1 §5.2 exact table as a snapshot (Fast tier).
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Specs.Support;

namespace TheoryCheck.Specs.MetaLearning;

[Trait("Tier", "Fast")]
public sealed class ExactRegretSnapshot
{
    [Fact]
    public void ExactIdealBaselinesMatchVerifiedTable() =>
        SnapshotAssert.Matches(ExactRegretTable.Instance.Build(RunContext.Quiet(Scale.Ci)));
}
