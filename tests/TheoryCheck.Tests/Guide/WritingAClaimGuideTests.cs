// docs/writing-a-claim.md cannot drift: its C# blocks compile into one claims assembly, which then runs through the CLI as
// --claims (list, run --report, rerun, map --axes) and walks its snapshot through fail, accept and pass, as a user's would.
// Also the --claims edges: a missing file, a file that is no assembly, an assembly without claims, a clashing id, and
// theorycheck.json. The collection runs alone: a --claims command adds the guide's family to the Catalog while it runs.
using System.Reflection;
using System.Runtime.Loader;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Cli;
using Xunit.Abstractions;

namespace TheoryCheck.Tests.Guide;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CatalogCollection
{
    public const string Name = "Catalog changes";
}

[Trait("Tier", "Fast")]
[Collection(CatalogCollection.Name)]
public sealed class WritingAClaimGuideTests(ITestOutputHelper output)
{
    static readonly string GuidePath = Path.Combine(RepoPaths.Root, "docs", "writing-a-claim.md");

    /// <summary>The guide's blocks, compiled once per test run into a folder of their own; its snapshots go to FOLDER/snapshots
    /// (the metadata the packages' buildTransitive targets write into a user's project).</summary>
    static readonly Lazy<(string Dll, string Snapshots, IReadOnlyList<string> Errors)> Guide = new(() =>
    {
        string folder = Path.Combine(Path.GetTempPath(), "tc-guide-" + Guid.NewGuid().ToString("N"));
        string snapshots = Path.Combine(folder, "snapshots");
        Directory.CreateDirectory(snapshots);
        var blocks = GuideCompiler.CSharpBlocks(File.ReadAllText(GuidePath));
        string metadata = $"[assembly: System.Reflection.AssemblyMetadata(\"{SnapshotStore.MetadataKey}\", @\"{snapshots}\")]";
        var errors = GuideCompiler.Compile("WritingAClaimGuide", blocks.Append(metadata), folder);
        return (Path.Combine(folder, "WritingAClaimGuide.dll"), snapshots, errors);
    });

    static (string Dll, string Snapshots) Compiled()
    {
        var g = Guide.Value;
        Assert.True(g.Errors.Count == 0, "the guide's C# blocks do not compile:\n" + string.Join("\n", g.Errors));
        return (g.Dll, g.Snapshots);
    }

    [Fact]
    public void TheGuideHasItsBlocksAndTheyCompile()
    {
        Assert.True(GuideCompiler.CSharpBlocks(File.ReadAllText(GuidePath)).Count >= 4);
        Compiled();
    }

    [Fact]
    public void ItsClaimRunsThroughTheCliLikeABuiltInOne()
    {
        var (dll, _) = Compiled();
        int before = Catalog.Claims.Count;
        using var dir = new TempDir();
        var list = CliRun.Invoke("--claims", dll, "list");
        Assert.Equal(0, list.Code);
        Assert.Contains("| KT-1 | Clarke & Barron 1994 |", list.Out);
        Assert.Contains("| MB-1 |", list.Out);

        var run = CliRun.Invoke("run", "KT", "--scale", "smoke", "--out", dir.Path, "--report", "--claims", dll);
        output.WriteLine(run.Out + run.Err);
        Assert.Equal(0, run.Code);
        string report = File.ReadAllText(dir["report.md"]);
        Assert.Contains("KT-1", report);
        Assert.True(File.Exists(Path.Combine(dir.Path, "tables", "KT.Regret.md")), "the family's table is in the report's tables");
        Assert.True(new FileInfo(Path.Combine(dir.Path, "plots", "KT.Regret.png")).Length > 1000, "the table's declared plot is drawn");
        Assert.Contains("plots/KT.Regret.png", report);

        var rerun = CliRun.Invoke("--claims", dll, "rerun", dir["results.json"]);
        Assert.Equal(0, rerun.Code);
        var axes = CliRun.Invoke("--claims", dll, "map", "KT-1", "--axes");
        Assert.Equal(0, axes.Code);
        Assert.StartsWith("N 1..10000 flips", axes.Out);

        // Without the assembly the stored run names a claim this CLI does not know, and says how to load it.
        var unknown = CliRun.Invoke("rerun", dir["results.json"]);
        Assert.Equal(Commands.BadInput, unknown.Code);
        Assert.Contains("KT-1", unknown.Err);
        Assert.Equal(before, Catalog.Claims.Count);   // the registration ended with its command
    }

    [Fact]
    public void ItsSnapshotFailsUntilAcceptedThenPasses()
    {
        var (dll, snapshots) = Compiled();
        var assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == "WritingAClaimGuide")
                       ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        var specs = Activator.CreateInstance(assembly.GetType("Guide.Specs.JeffreysSpecs")!, output)!;
        void Spec(string name) => specs.GetType().GetMethod(name)!.Invoke(specs, null);

        foreach (var f in Directory.GetFiles(snapshots)) File.Delete(f);
        var first = Assert.Throws<TargetInvocationException>(() => Spec("RegretTableMatchesItsSnapshot"));
        Assert.Contains("no verified snapshot KT.Regret.verified.md", first.InnerException!.Message);
        Assert.Contains($"theorycheck accept --snapshots {snapshots} KT.Regret", first.InnerException.Message);
        Assert.True(File.Exists(Path.Combine(snapshots, "KT.Regret.received.md")), "the user's own snapshots folder, not the repository's");

        Assert.Equal(0, CliRun.Invoke("accept", "--snapshots", snapshots, "KT.Regret").Code);
        Spec("RegretTableMatchesItsSnapshot");
        Spec("MinimaxRegretHolds");
    }

    [Fact]
    public void BadClaimsAssembliesAreOneLineAndExitTwo()
    {
        var (dll, _) = Compiled();
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(dir["notes.dll"], "not an assembly");
        Assert.Empty(GuideCompiler.Compile("NoClaimsHere", ["namespace NoClaims; public sealed class Nothing { }"], dir.Path));
        const string clashing = """
            using FsCheck; using FsCheck.Fluent; using TheoryCheck.Claims.Core; using TheoryCheck.Claims.Statistics;
            namespace Clash;
            public sealed class Shadow : Claim<int>
            {
                public override ClaimSpec Spec { get; } = new("MB-1", "P1", "x", "SH", "shadows a built-in id", new[] { Bound.AtMost("v", 1, "x") },
                    "none", new ScalePresets("1", "1", "1"), Fast: true);
                public override int CaseCount(Scale scale) => 1;
                public override Gen<int> Cases(Scale scale) => Gen.Constant(1);
                public override CaseOutcome Evaluate(int c, RunContext ctx) => new("1", new[] { Measurement.Exact(0) }, new Measurement?[] { null });
            }
            public sealed class ShadowFamily : IClaimFamily
            {
                public string Key => "SH";
                public IReadOnlyList<IClaim> Claims { get; } = new IClaim[] { new Shadow() };
            }
            """;
        Assert.Empty(GuideCompiler.Compile("ClashingClaims", [clashing], dir.Path));

        foreach (var (path, expected) in new[]
                 {
                     (dir["missing.dll"], "no such file"),
                     (dir["notes.dll"], "is not a .NET assembly"),
                     (dir["NoClaimsHere.dll"], "declares no claim family"),
                     (dir["ClashingClaims.dll"], "claim id 'MB-1' of family 'SH' clashes with a built-in claim"),
                 })
        {
            var r = CliRun.Invoke("--claims", path, "list");
            output.WriteLine(r.Err);
            Assert.Equal(Commands.BadInput, r.Code);
            Assert.Contains(expected, r.Err);
            Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
        }
        // The same assembly twice is one family registered twice: its key is taken.
        var twice = CliRun.Invoke("--claims", dll, "--claims", dll, "list");
        Assert.Equal(Commands.BadInput, twice.Code);
        Assert.Contains("claim family key 'KT'", twice.Err);
    }

    [Fact]
    public void TheoryCheckJsonListsAssembliesRelativeToItself()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["project"]);
        Assert.Empty(ClaimAssemblies.Paths([], dir["project"]));
        File.WriteAllText(dir["project/theorycheck.json"], """{ "claims": ["bin/Claims.dll"] }""");
        Assert.Equal([Path.Combine(dir["project"], "bin", "Claims.dll")], ClaimAssemblies.Paths([], dir["project"]));
        Assert.Equal(["given.dll"], ClaimAssemblies.Paths(["given.dll"], dir["project"]));   // the command line wins
        File.WriteAllText(dir["project/theorycheck.json"], """{ "claims": "bin/Claims.dll" }""");
        Assert.Contains("expected", Assert.Throws<BadInputException>(() => ClaimAssemblies.Paths([], dir["project"])).Message);
        File.WriteAllText(dir["project/theorycheck.json"], "{ not json");
        Assert.Contains("not valid JSON", Assert.Throws<BadInputException>(() => ClaimAssemblies.Paths([], dir["project"])).Message);
    }
}
