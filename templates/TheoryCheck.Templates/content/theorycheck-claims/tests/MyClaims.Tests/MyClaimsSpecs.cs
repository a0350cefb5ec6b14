// `dotnet test` runs each claim exactly as `theorycheck run` does (same cases, same judge) and gates each table against
// snapshots/NAME.verified.md. THEORYCHECK_SCALE (smoke | ci | paper) and THEORYCHECK_SEED choose the run.
using MyClaims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Xunit;
using Xunit;
using Xunit.Abstractions;

namespace MyClaims.Tests;

public sealed class MyClaimsSpecs(ITestOutputHelper output)
{
    [Fact]
    public void BayesBeatsOtherPriorsHolds() => ClaimProperty.Check(BayesBeatsOtherPriors.Claim, output);

    [Fact]
    public void RegretTableMatchesItsSnapshot() => SnapshotAssert.Matches(RegretTable.Instance.Build(RunContext.Quiet(Scale.Ci)));
}
