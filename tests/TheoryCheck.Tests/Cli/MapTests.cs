// Issue 17: `map` bisects to the boundary of a claim along one axis (bracket no wider than 1/16 of the range), three-valued
// points, two-axis grids, and bad input as one line with exit 2. Fast: a synthetic claim whose value is its knob; the
// Claim-tier test maps PA-12 at smoke along ζ and checks the bracket's ends by evaluating them directly.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

/// <summary>A claim whose one measurement is f(x) for its knob x (exact, or with SE <paramref name="se"/>): its boundary is known.</summary>
sealed class KnobClaim(Func<double, double> f, double se = 0) : Claim<int>
{
    public static readonly Axis X = new("x", 0, 1, 0.01, "units", "the knob", _ => 0.5);

    public override ClaimSpec Spec { get; } = new("XX-1", "test", "test", "XX", "f(x) ≤ 0.5",
        new[] { Bound.AtMost("f", 0.5, "test") }, "none", new ScalePresets("", "", ""));

    public override IReadOnlyList<Axis> Axes => new[] { X };
    public override int CaseCount(Scale scale) => 1;
    public override Gen<int> Cases(Scale scale) => Gen.Constant(0);

    public override CaseOutcome Evaluate(int instance, RunContext ctx)
    {
        double v = f(ctx.Knob("x") ?? 0.5);
        return new CaseOutcome("x", new[] { se == 0 ? Measurement.Exact(v) : new Measurement(v, se, 100, "test") }, new Measurement?[] { null });
    }
}

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class MapTests
{
    static MapResult Map(KnobClaim claim, double lo, double hi, int k) =>
        BoundaryMap.Run(claim, claim.Spec.Bounds[0], claim.Axes, new[] { (lo, hi) }, k, RunContext.Quiet(Scale.Smoke));

    [Fact]
    public void BisectionBracketsTheBoundaryToASixteenthOfTheRange()
    {
        var map = Map(new KnobClaim(x => x), 0, 1, 5);
        var b = Assert.IsType<Bracket>(map.Bracket);
        Assert.True(b.Holding.At[0] <= 0.5 && b.Failing.At[0] > 0.5, $"bracket [{b.Holding.At[0]}, {b.Failing.At[0]}] misses 0.5");
        Assert.True(b.Width <= 1.0 / BoundaryMap.Resolution + 1e-9, $"width {b.Width}");
        Assert.Equal(PointStatus.Holds, b.Holding.Status);
        Assert.Equal(PointStatus.Fails, b.Failing.Status);
        Assert.Equal(5, map.Points.Count(p => !p.Bisection));
        Assert.False(map.NonMonotone);
        Assert.Contains("the boundary lies in [", map.Summary());
    }

    [Fact]
    public void AClaimThatImprovesAlongTheAxisIsBracketedTheOtherWay()
    {
        var b = Assert.IsType<Bracket>(Map(new KnobClaim(x => 1 - x), 0, 1, 5).Bracket);
        Assert.True(b.Failing.At[0] < 0.5 && b.Holding.At[0] >= 0.5, $"bracket [{b.Failing.At[0]}, {b.Holding.At[0]}]");
    }

    [Fact]
    public void AnUnresolvedPointNeverCountsAsHolding()
    {
        // SE 0.1 around the bound: values within about 0.16 of 0.5 are unresolved, so the bracket's failing end is one.
        var map = Map(new KnobClaim(x => x, se: 0.1), 0, 1, 5);
        var b = Assert.IsType<Bracket>(map.Bracket);
        Assert.Equal(PointStatus.Holds, b.Holding.Status);
        Assert.Equal(PointStatus.Unresolved, b.Failing.Status);
        Assert.True(b.Holding.At[0] + 1.645 * 0.1 <= 0.5 + 1e-9);
    }

    [Fact]
    public void AStatusThatChangesTwiceIsReportedNonMonotone()
    {
        var map = Map(new KnobClaim(x => Math.Abs(x - 0.5) < 0.2 ? 0 : 1), 0, 1, 5);
        Assert.True(map.NonMonotone);
        Assert.Contains("not monotone", map.Summary());
    }

    [Fact]
    public void ANoBoundaryRangeSaysSo()
    {
        Assert.Null(Map(new KnobClaim(x => x), 0, 0.4, 4).Bracket);
        Assert.Contains("holds at every point", Map(new KnobClaim(x => x), 0, 0.4, 4).Summary());
    }

    [Fact]
    public void EveryTrainingClaimOfTheReferenceMapsDeclaresItsAxis()
    {
        foreach (var (id, axis) in new[] { ("MB-1", "steps"), ("MB-2", "steps"), ("PT-3", "L"), ("PT-5", "separation"), ("PA-12", "zeta") })
            Assert.Contains(Catalog.Select(new[] { id }).Single().Axes, a => a.Name == axis);
        var (code, output, _) = CliRun.Invoke("map", "PT-3", "--axes");
        Assert.Equal(0, code);
        Assert.StartsWith("L 1..12 tokens prefix length", output);
    }

    [Fact]
    public void EveryTrainingClaimDeclaresAnAxisWithItsPresetInsideTheAxis()
    {
        foreach (var claim in Catalog.Claims.Where(c => Catalog.IsBuiltIn(c) && !c.Spec.Fast))
        {
            Assert.True(claim.Axes.Count > 0, $"{claim.Spec.Id} trains but declares no axis a map could move");
            foreach (var a in claim.Axes)
            {
                double preset = a.Default(Scale.Ci);
                Assert.True(double.IsNaN(preset) || (preset >= a.Min && preset <= a.Max && a.InDomain(preset)), $"{claim.Spec.Id} {a.Name}: preset {preset} outside its axis or domain");
            }
        }
    }

    [Fact]
    public void AReportShowsEveryMapSavedInItsRunFolder()
    {
        using var dir = new TempDir();
        // MB-0: the report builds its family's tables, 2-3 s at smoke for MB against 9 s for PA-1's.
        Assert.Equal(0, CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir["run"]).Code);
        var doc = TheoryCheck.Cli.Maps.MapJson.Of(TheoryCheck.Cli.Reporting.Manifest.Capture(Scale.Smoke, 1), Map(new KnobClaim(x => x), 0, 1, 5));
        Directory.CreateDirectory(dir["run/map-x"]);
        TheoryCheck.Cli.Maps.MapJson.Write(dir["run/map-x"], doc);
        TheoryCheck.Cli.Maps.MapPlot.Write(doc, dir["run/map-x/map.png"]);
        var (code, _, err) = CliRun.Invoke("report", dir["run"]);
        Assert.True(code == 0, err);
        string report = File.ReadAllText(dir["run/report.md"]);
        Assert.Contains("## Maps: where claims stop holding", report);
        Assert.Contains("### XX-1 along x", report);
        Assert.Contains("the boundary lies in [0.5", report);
        Assert.Contains("![XX-1 map](map-x/map.png)", report);
    }

    [Theory]
    [InlineData("PA-1", "--axis", "x=1..2")]          // a claim without axes
    [InlineData("MB-1", "--axis", "foo=1..2")]        // an unknown axis
    [InlineData("MB-1", "--axis", "steps=500..100")]  // LO ≥ HI
    [InlineData("MB-1", "--axis", "steps=0..100")]    // outside the axis's own definition
    [InlineData("MB-1", "--axis", "steps=100..200", "--points", "1")]
    [InlineData("PA-12", "--axis", "zeta=0.1..0.2", "--axis", "n=100..200", "--axis", "zeta=0.2..0.3")]
    [InlineData("MB-1", "--axis", "steps")]           // no range
    [InlineData("MB-1")]                              // no axis
    [InlineData("MB")]                                // not one claim
    [InlineData("XX-9", "--axes")]                    // unknown claim
    [InlineData("MB-1", "--axis", "steps=100..200", "--bound", "nope")]
    [InlineData("MB-1", "--axis", "steps=100..200", "--resume")]   // --resume without --out
    public void BadInputIsOneLineAndExitTwo(params string[] args)
    {
        var (code, output, err) = CliRun.Invoke(new[] { "map" }.Concat(args).ToArray());
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void AResumedMapTakesItsMeasuredPointsAndComesOutAsAnUninterruptedOne()
    {
        int runs = 0;
        var claim = new KnobClaim(x => { runs++; return x; });
        var full = Map(claim, 0, 1, 5);
        int fullRuns = runs;
        runs = 0;
        var done = full.Points.Where(p => !p.Bisection).Take(3).ToArray();
        var resumed = BoundaryMap.Run(claim, claim.Spec.Bounds[0], claim.Axes, new[] { (0.0, 1.0) }, 5, RunContext.Quiet(Scale.Smoke), done: done);
        Assert.Equal(fullRuns - 3, runs);
        Assert.Equal(full.Points.Select(p => (p.At[0], p.Status, p.Measured, p.Bisection)), resumed.Points.Select(p => (p.At[0], p.Status, p.Measured, p.Bisection)));
        Assert.Equal(full.Bracket!.Holding.At, resumed.Bracket!.Holding.At);
        Assert.Equal(full.Bracket.Failing.At, resumed.Bracket.Failing.At);
    }

    /// <summary>A saved map of another claim, a corrupt one, or a finished map: one line, exit 2, before anything trains.</summary>
    [Theory]
    [InlineData("other claim", "cannot resume: ")]
    [InlineData("corrupt", "")]
    [InlineData("complete", "nothing to resume: ")]
    [InlineData("other policy", "cannot resume: ")]
    public void ResumingAMapThatIsNotThisOneIsOneLineAndExitTwo(string saved, string message)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path);
        var doc = TheoryCheck.Cli.Maps.MapJson.Of(TheoryCheck.Cli.Reporting.Manifest.Capture(Scale.Smoke, 1), Map(new KnobClaim(x => x), 0, 1, 3));
        switch (saved)
        {
            case "other claim": TheoryCheck.Cli.Maps.MapJson.Write(dir.Path, doc, TheoryCheck.Cli.Maps.MapCommand.PartialFile); break;
            case "other policy":
                // MB-1's own map along steps, from a leg under another MKL mode: its points would mix numerics.
                var mb1 = Catalog.Select(new[] { "MB-1" }).Single();
                var axis = mb1.Axes.Single(a => a.Name == "steps");
                TheoryCheck.Cli.Maps.MapJson.Write(dir.Path, doc with
                {
                    Manifest = doc.Manifest with { MklCbwr = "AUTO" }, Claim = "MB-1", Bound = mb1.Spec.Bounds[0].Metric,
                    Axes = new[] { doc.Axes[0] with { Name = axis.Name } }, Points = [],
                }, TheoryCheck.Cli.Maps.MapCommand.PartialFile);
                break;
            case "corrupt": File.WriteAllText(dir[TheoryCheck.Cli.Maps.MapCommand.PartialFile], "{\"manifest\": "); break;
            default: TheoryCheck.Cli.Maps.MapJson.Write(dir.Path, doc); break;
        }
        var before = Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllText);
        var (code, output, err) = CliRun.Invoke("map", "MB-1", "--axis", "steps=100..200", "--scale", "smoke", "--out", dir.Path, "--resume");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("theorycheck: " + message, err);
        if (saved == "other policy") Assert.Contains("another numeric policy (MKL_CBWR AUTO → ", err);
        Assert.Equal(before, Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllText));
    }
}

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class MapOfATrainedClaimTests
{
    [Fact]
    public void TheBracketOfPa12AlongZetaAgreesWithItsEndsEvaluatedDirectly()
    {
        var claim = Catalog.Select(new[] { "PA-12" }).Single();
        var zeta = claim.Axes.Single(a => a.Name == "zeta");
        var bound = claim.Spec.Bounds[0];
        var ctx = RunContext.Quiet(Scale.Smoke);
        var map = BoundaryMap.Run(claim, bound, new[] { zeta }, new[] { (0.02, 0.4) }, 4, ctx);
        var b = Assert.IsType<Bracket>(map.Bracket);
        Assert.True(b.Width <= (0.4 - 0.02) / BoundaryMap.Resolution + zeta.Step, $"width {b.Width}");
        var holding = BoundaryMap.Point(claim, bound, new[] { zeta }, b.Holding.At, ctx);
        var failing = BoundaryMap.Point(claim, bound, new[] { zeta }, b.Failing.At, ctx);
        Assert.Equal(PointStatus.Holds, holding.Status);
        Assert.NotEqual(PointStatus.Holds, failing.Status);
        Assert.Equal(b.Holding.Measured, holding.Measured);
        Assert.Equal(b.Failing.Measured, failing.Measured);
        // The map may cross the claim's domain (ζ ∈ [0.1, 0.2]): points outside are computed and marked.
        Assert.Contains(map.Points, p => p.OutsideDomain && p.Status != PointStatus.NotMeasured);
    }

    /// <summary>A map cut off after its first point (its partial file as the CLI saved it) resumes to the same map.json.</summary>
    [Fact]
    public void AnInterruptedMapResumesToTheSameMap()
    {
        using var dir = new TempDir();
        string[] args = { "map", "PA-11", "--axis", "n=100..1000", "--points", "3", "--bound", "cos_at_1000", "--scale", "smoke", "--out", dir["full"] };
        Assert.Equal(0, CliRun.Invoke(args).Code);
        var full = TheoryCheck.Cli.Maps.MapJson.Read(dir["full/map.json"]);
        Assert.False(File.Exists(dir["full/" + TheoryCheck.Cli.Maps.MapCommand.PartialFile]), "a finished map keeps its partial file");
        Directory.CreateDirectory(dir["cut"]);
        TheoryCheck.Cli.Maps.MapJson.Write(dir["cut"], full with { Points = full.Points.Take(1).ToArray(), Bracket = null }, TheoryCheck.Cli.Maps.MapCommand.PartialFile);
        var (code, _, err) = CliRun.Invoke(args.Take(args.Length - 1).Append(dir["cut"]).Append("--resume").ToArray());
        Assert.True(code == 0, err);
        Assert.Contains("resuming: 1 point(s)", err);
        Assert.DoesNotContain($"[PA-11 n={full.Points[0].At[0]}]", err);
        var resumed = TheoryCheck.Cli.Maps.MapJson.Read(dir["cut/map.json"]);
        Assert.Equal(full.Points.Select(p => (p.At[0], p.Status, p.Measured)), resumed.Points.Select(p => (p.At[0], p.Status, p.Measured)));
        Assert.Equal(full.Summary, resumed.Summary);
    }
}

/// <summary>`tables --maps` writes each selected family's reference maps beside its tables. In the Maps tier with the
/// reference maps themselves: 23 s at smoke (PA's tables included), which the default run's budget has no room for.</summary>
[Trait("Tier", "Maps")]
[Collection(TorchCollection.Name)]
public sealed class TablesWithMapsTests
{
    [SkippableFact]
    public void TablesWithMapsWritesTheReferenceMapsTableAndPlot()
    {
        Skip.IfNot(RunSettings.Maps(), "in the Maps tier: THEORYCHECK_MAPS=1 dotnet test --filter Tier=Maps");
        using var dir = new TempDir();
        var (code, _, err) = CliRun.Invoke("tables", "PA-12", "--maps", "--scale", "smoke", "--out", dir.Path);
        Assert.True(code == 0, err);
        Assert.Contains("| bracket |", File.ReadAllText(Path.Combine(dir.Path, "Maps.PA-12.zeta.md")));
        Assert.True(new FileInfo(Path.Combine(dir.Path, "Maps.PA-12.zeta.png")).Length > 1000);
        Assert.False(File.Exists(Path.Combine(dir.Path, "Maps.MB-1.steps.md")), "a reference map of an unselected family was run");
    }
}
