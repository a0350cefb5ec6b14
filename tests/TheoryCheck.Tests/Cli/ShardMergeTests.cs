// Issue 6 §4-6: shards partition the selection, merged shards equal the unsharded run, rerun agrees with a fresh run and
// notices a changed value, --resume keeps finished claims. Fast: exact-math claims only (MB-0, MB-6, PA-1, PA-3).
using System.Text.Json;
using System.Text.Json.Nodes;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class ShardMergeTests
{
    const string Selection = "MB-0,MB-6,PA-1,PA-3";

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void ShardsPartitionTheSelection(int n)
    {
        var all = Enumerable.Range(0, 20).ToArray();
        var parts = Enumerable.Range(1, n).Select(i => new Shard(i, n).Pick(all)).ToArray();
        Assert.Equal(all, parts.SelectMany(p => p).Order());
        Assert.True(parts.Max(p => p.Count) - parts.Min(p => p.Count) <= 1, "shards are unbalanced");
    }

    /// <summary>The claims of a results.json without their wall times (the only field that may differ between runs).</summary>
    public static string ClaimsWithoutTimes(string resultsJson)
    {
        var claims = JsonNode.Parse(File.ReadAllText(resultsJson))!["claims"]!.AsArray();
        foreach (var c in claims) c!.AsObject().Remove("seconds");
        return claims.ToJsonString();
    }

    [Fact]
    public void MergedShardsEqualTheUnshardedRun()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["all"]).Code);
        Assert.Equal(0, CliRun.Invoke("run", Selection, "--scale", "smoke", "--shard", "1/2", "--out", dir["s1"]).Code);
        Assert.Equal(0, CliRun.Invoke("run", Selection, "--scale", "smoke", "--shard", "2/2", "--out", dir["s2"]).Code);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(dir["s1/results.json"]))!["claims"]!.AsArray().Count);

        var (code, _, err) = CliRun.Invoke("merge", dir["s2"], dir["s1"], "--out", dir["merged"]);
        Assert.True(code == 0, err);
        Assert.Equal(ClaimsWithoutTimes(dir["all/results.json"]), ClaimsWithoutTimes(dir["merged/results.json"]));
        var manifest = JsonNode.Parse(File.ReadAllText(dir["merged/results.json"]))!["manifest"]!;
        Assert.Equal("[\"1/2\",\"2/2\"]", manifest["mergedFrom"]!.ToJsonString());
        Assert.Null(manifest["shard"]);
    }

    [Fact]
    public void RerunAgreesWithAFreshRunAndNoticesAChangedValue()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["run"]);
        var (code, output, _) = CliRun.Invoke("rerun", dir["run/results.json"]);
        Assert.Equal(0, code);
        Assert.Contains("all 4 claims agree", output);

        // Move MB-6's measured z by far more than 4 SE (its SE is 0: exact tolerance): rerun must report it.
        var doc = JsonNode.Parse(File.ReadAllText(dir["run/results.json"]))!;
        var mb6 = doc["claims"]!.AsArray().Single(c => (string)c!["id"]! == "MB-6")!;
        mb6["bounds"]![0]!["measured"] = (double)mb6["bounds"]![0]!["measured"]! + 0.5;
        File.WriteAllText(dir["run/results.json"], doc.ToJsonString());
        (code, output, _) = CliRun.Invoke("rerun", dir["run/results.json"]);
        Assert.Equal(1, code);
        Assert.Contains("1 of 4 claims disagree: MB-6", output);
    }

    [Fact]
    public void RerunOnlyReRunsTheNamedRecordedClaimsAndRefusesOthers()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["run"]);
        var (code, output, err) = CliRun.Invoke("rerun", dir["run/results.json"], "--only", "mb-6");
        Assert.True(code == 0, output + err);
        Assert.Contains("all 1 claims agree", output);
        Assert.DoesNotContain("| PA-1 |", output);

        (code, _, err) = CliRun.Invoke("rerun", dir["run/results.json"], "--only", "MB-6,PT-3");
        Assert.Equal(2, code);
        Assert.Contains("PT-3", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void RerunComparesSavedTablesWithTheirSnapshotTolerances()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir.Path);
        string table = RunReport.SaveTable(dir.Path, TheoryCheck.Claims.MetaLearning.ExactRegretTable.Instance.Build(
            TheoryCheck.Claims.Core.RunContext.Quiet(TheoryCheck.Claims.Core.Scale.Smoke)));
        var (code, output, _) = CliRun.Invoke("rerun", dir["results.json"]);
        Assert.Equal(0, code);
        Assert.Contains("table MetaLearning.ExactRegret: agrees within its snapshot tolerances", output);

        // The N=50 column allows 1e-4: move one cell by 0.01.
        File.WriteAllText(table, File.ReadAllText(table).Replace("| 1.4772 |", "| 1.4872 |"));
        (code, output, _) = CliRun.Invoke("rerun", dir["results.json"]);
        Assert.Equal(1, code);
        Assert.Contains("'N=50': expected 1.4872 got 1.4772", output);
    }

    [Fact]
    public void ResumeKeepsFinishedClaimsAndRunsTheRest()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir.Path);
        // Fake an interruption after MB-0: its record (marked) stays in the partial file, PA-1 is missing.
        var doc = JsonNode.Parse(File.ReadAllText(dir["results.json"]))!;
        var claims = doc["claims"]!.AsArray();
        claims.RemoveAt(1);
        claims[0]!["reason"] = "kept from the partial file";
        File.WriteAllText(dir[RunCommand.PartialFile], doc.ToJsonString());
        File.Delete(dir["results.json"]);

        var (code, _, err) = CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir.Path, "--resume");
        Assert.True(code == 0, err);
        Assert.DoesNotContain("[MB-0] running", err);
        Assert.Contains("[PA-1] running", err);
        var after = JsonDocument.Parse(File.ReadAllText(dir["results.json"])).RootElement.GetProperty("claims");
        Assert.Equal(new[] { "MB-0", "PA-1" }, after.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("kept from the partial file", after[0].GetProperty("reason").GetString());
        Assert.False(File.Exists(dir[RunCommand.PartialFile]));
    }

    [Fact]
    public void ResumeRefusesAPartialRunOfOtherSettings()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir.Path);
        File.Move(dir["results.json"], dir[RunCommand.PartialFile]);
        var (code, _, err) = CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--seed", "2", "--out", dir.Path, "--resume");
        Assert.Equal(2, code);
        Assert.Contains("cannot resume", err);
    }

    [Fact]
    public void ResumeRefusesAPartialRunOfAnotherNumericPolicyAndWritesNothing()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir.Path);
        // A leg from before the oneDNN pin recorded no ONEDNN_MAX_CPU_ISA (the paper PT run's first legs).
        var doc = JsonNode.Parse(File.ReadAllText(dir["results.json"]))!;
        bool pinned = doc["manifest"]!["onednnMaxCpuIsa"] is not null;   // on every CPU with AVX2
        doc["manifest"]!.AsObject().Remove("onednnMaxCpuIsa");
        doc["manifest"]!["mklCbwr"] = "AUTO";
        File.WriteAllText(dir[RunCommand.PartialFile], doc.ToJsonString());
        File.Delete(dir["results.json"]);
        string before = File.ReadAllText(dir[RunCommand.PartialFile]);

        var (code, _, err) = CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir.Path, "--resume");
        Assert.Equal(2, code);
        Assert.Contains("cannot resume", err);
        Assert.Contains("another numeric policy (MKL_CBWR AUTO → ", err);
        if (pinned) Assert.Contains("ONEDNN_MAX_CPU_ISA not recorded → AVX2", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Equal(before, File.ReadAllText(dir[RunCommand.PartialFile]));
        Assert.False(File.Exists(dir["results.json"]));
    }

    [Fact]
    public void MergeRefusesShardsRunUnderAnotherNumericPolicy()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--shard", "1/2", "--out", dir["s1"]);
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--shard", "2/2", "--out", dir["s2"]);
        string second = Path.Combine(dir["s2"], "results.json");
        var doc = JsonNode.Parse(File.ReadAllText(second))!;
        int threads = doc["manifest"]!["threads"]!.GetValue<int>();
        doc["manifest"]!["threads"] = threads + 1;   // e.g. another THEORYCHECK_THREADS on one machine of the matrix
        File.WriteAllText(second, doc.ToJsonString());
        var (code, _, err) = CliRun.Invoke("merge", dir["s1"], dir["s2"], "--out", dir["merged"]);
        Assert.Equal(2, code);
        Assert.Contains($"another numeric policy (torch threads {threads} → {threads + 1} (set THEORYCHECK_THREADS={threads} to match))", err);
        Assert.False(Directory.Exists(dir["merged"]));
    }

    [Fact]
    public void MergeRefusesShardsOfDifferentRuns()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--shard", "1/2", "--out", dir["s1"]);
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--seed", "2", "--shard", "2/2", "--out", dir["s2"]);
        var (code, _, err) = CliRun.Invoke("merge", dir["s1"], dir["s2"], "--out", dir["merged"]);
        Assert.Equal(2, code);
        Assert.Contains("another run", err);
        Assert.False(Directory.Exists(dir["merged"]));
    }
}
