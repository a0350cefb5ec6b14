// The four reference maps (issue 17) as snapshot tables: each map re-run at ci, seed 1, and compared with
// snapshots/Maps.*.verified.md (the bracket within one bisection step). The Maps tier: about half an hour at ci on 2 cores,
// so it runs by hand (THEORYCHECK_MAPS=1 dotnet test --filter Tier=Maps) and is skipped, saying so, otherwise.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Specs.Support;
using TheoryCheck.Xunit;
using Xunit.Abstractions;

namespace TheoryCheck.Specs.Maps;

[Trait("Tier", "Maps")]
public sealed class ReferenceMapSnapshots(ITestOutputHelper output)
{
    public const string Command = "THEORYCHECK_MAPS=1 dotnet test --filter Tier=Maps";

    public static TheoryData<string> Names() => new(ReferenceMap.All.Select(m => m.Name));

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void MapMatchesSnapshot(string name)
    {
        Skip.IfNot(RunSettings.Maps(), $"the reference map {name} is in the Maps tier (not part of the default dotnet test); run it with: {Command}");
        var reference = ReferenceMap.All.Single(m => m.Name == name);
        var ctx = RunSettings.TestContext(output.WriteLine, Scale.Ci, 1);
        var map = reference.Run(ctx);
        SnapshotAssert.Matches(reference.Table(map, Scale.Ci));
    }
}
