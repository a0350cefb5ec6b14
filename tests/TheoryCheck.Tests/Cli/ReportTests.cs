// Issue 6 §2-3, 7: report.md sections with a PNG per table, tidy results.csv, manifest fields, atomic writes, --force.
using System.Text.Json;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class ReportTests
{
    [Fact]
    public void ReportHasManifestVerdictsControlsTableAndPlot()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir.Path).Code);
        // An exact-math table stands in for the family's tables (the trained one belongs to the Claim tier).
        RunReport.SaveTable(dir.Path, ExactRegretTable.Instance.Build(RunContext.Quiet(Scale.Smoke)));
        string report = File.ReadAllText(RunReport.Write(dir.Path, TextWriter.Null, buildMissing: false));

        foreach (var heading in new[] { "## Run manifest", "## Summary", "## MB (P1)", "### Verdicts: measured vs bound", "### Negative controls",
                                        "### Exact expected cumulative regret" })
            Assert.Contains(heading, report);
        Assert.Contains("| MB-0 | pass |", report);
        var pngs = Directory.GetFiles(dir[RunReport.PlotsFolder], "*.png");
        Assert.Equal(2, pngs.Length); // one per target (coin, mixture)
        foreach (var png in pngs) Assert.Contains($"]({RunReport.PlotsFolder}/{Path.GetFileName(png)})", report);

        var csv = File.ReadAllLines(dir["results.csv"]);
        Assert.Equal("source,family,claim,role,case_index,setting,metric,op,bound,value,se,limit,samples,method,holds,verdict", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("claim,MB,MB-0,control,"));
        // 9 table rows × 7 regret columns, one row each.
        Assert.Equal(63, csv.Count(l => l.StartsWith("table:MetaLearning.ExactRegret,MB,")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*", SearchOption.AllDirectories));
    }

    /// <summary>The controls section is per bound: MB-0's control (Beta(2,2) in place of the true prior) measures its predictive
    /// error but not its two regret-table errors, which are listed as uncontrolled, in the table and in the count under it.</summary>
    [Fact]
    public void ReportListsEachBoundsControlAndTheUncontrolledBounds()
    {
        using var dir = new TempDir();
        // PA-11's control (shuffled labels) measures only its n = 1000 alignment bound, not the monotone-growth one.
        Assert.Equal(0, CliRun.Invoke("run", "PA-11", "--scale", "smoke", "--out", dir.Path).Code);
        string report = File.ReadAllText(RunReport.Write(dir.Path, TextWriter.Null, buildMissing: false));
        Assert.Contains("### Negative controls, per bound", report);
        Assert.Matches(@"\| PA-11 \| [^|]+ \| cos_at_1000 \| [^|]+ \| [^|]+ \| fails \|", report);
        Assert.Matches(@"\| PA-11 \| [^|]+ \| min_increment \| \| \| uncontrolled: only alignment that shrinks as n grows [^|]+ \|", report);
        Assert.Contains("Uncontrolled bounds in the reported cases: 1 (PA-11 min_increment)", report);
        var bound = JsonDocument.Parse(File.ReadAllText(dir["results.json"])).RootElement.GetProperty("claims")[0].GetProperty("bounds")[1];
        Assert.Equal("fails", bound.GetProperty("control").GetProperty("status").GetString());
    }

    [Fact]
    public void ManifestRecordsWhatIsNeededToReproduce()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--seed", "7", "--out", dir.Path);
        var root = JsonDocument.Parse(File.ReadAllText(dir["results.json"])).RootElement;
        var m = root.GetProperty("manifest");
        foreach (var field in new[] { "tool", "version", "commit", "dirty", "scale", "seed", "device", "threads", "torchsharp", "libtorch",
                                      "os", "cpu", "dotnet", "command", "started", "selection", "wallSeconds" })
            Assert.True(m.TryGetProperty(field, out _), field);
        Assert.Equal(7, m.GetProperty("seed").GetInt32());
        var claim = root.GetProperty("claims")[0];
        Assert.True(claim.GetProperty("caseSeed").GetUInt64() > 0);
        Assert.Equal("20 random (α, β, k, n)", claim.GetProperty("preset").GetString());
        Assert.True(claim.TryGetProperty("seconds", out _));
    }

    [Fact]
    public void ForceOverwritesAndLeavesOtherFilesAlone()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(dir["notes.txt"], "mine");
        File.WriteAllText(dir["results.json"], "old");
        var (code, _, err) = CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir.Path, "--force");
        Assert.True(code == 0, err);
        Assert.StartsWith("{", File.ReadAllText(dir["results.json"]));
        Assert.Equal("mine", File.ReadAllText(dir["notes.txt"]));
    }
}
