// `power`: bad input is one line and exit 2 before anything runs; at smoke scale it writes power.json in the documented
// shape, and the exact mutants land where their exact values put them (a misspecified prior is killed by MB-1 at any
// scale; MB-4 cannot see a prior, so it is declared n.a. there; a short memory breaks exchangeability).
using System.Text.Json.Nodes;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Collection(TorchCollection.Name)]
public sealed class PowerCommandTests
{
    [Theory]
    [Trait("Tier", "Fast")]
    [InlineData("unknown mutant 'mb-nope'", "MB-1", "--mutant", "mb-nope")]
    [InlineData("applies to none of the selected claims", "PA-8", "--mutant", "mb-prior-sym")]
    [InlineData("applies to none of the selected claims", "MB-0", "--mutant", "mb-window-10")]
    [InlineData("--seeds must be a positive integer, got '0'", "MB-1", "--seeds", "0")]
    [InlineData("--seeds must be a positive integer, got 'x'", "MB-1", "--seeds", "x")]
    [InlineData("unknown claim id or family 'MB-99'", "MB-99")]
    [InlineData("--arch must be lstm, transformer or both, got 'gpu'", "PT-3", "--arch", "gpu")]
    [InlineData("applies to none of the selected claims", "PT-5", "--mutant", "pt-lora-unwired", "--arch", "lstm")]
    public void BadInputIsOneLineAndExit2(string mustMention, params string[] args)
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRun.Invoke(["power", .. args, "--scale", "smoke", "--out", dir.Path]);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(mustMention, err);
        Assert.False(Directory.Exists(dir.Path), "power wrote its folder on bad input");
    }

    /// <summary>A killed strength near the real thing's keeps the digits that tell them apart (a temperature of 1.003 once
    /// printed as "1" in the score line).</summary>
    [Theory]
    [Trait("Tier", "Fast")]
    [InlineData(1.003125, 1, "1.003")]
    [InlineData(0.9875, 1, "0.988")]
    [InlineData(0.14, 0, "0.14")]
    [InlineData(1.0000004, 1, "1.0000004")]
    public void DetectedStrengthsDifferFromTheRealThingInPrint(double killed, double identity, string expected) =>
        Assert.Equal(expected, TheoryCheck.Cli.Power.PowerMarkdown.Strength(killed, identity));

    /// <summary>PT-10 measures the tuners on tiny random networks (no training beyond a few steps), so its four tuner faults
    /// are decided exactly at any scale: each must be killed, the unwired LoRA adapter by the wiring bound.</summary>
    [Fact]
    [Trait("Tier", "Fast")]
    public void Pt10KillsEveryTunerFault()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRun.Invoke("power", "PT-10", "--scale", "smoke", "--seeds", "1", "--out", dir.Path,
                                           "--mutant", "pt-prefix-moves-weights,pt-loss-counts-prefix,pt-lora-unwired,pt-extra-group");
        Assert.True(code == 0, err);
        var doc = JsonNode.Parse(File.ReadAllText(dir["power.json"]))!;
        foreach (var m in doc["mutants"]!.AsArray())
        {
            var r = m!["results"]!.AsArray().Single()!;
            Assert.True((string)r["status"]! == "killed", $"{(string)m["id"]!} {(string)r["status"]!} on PT-10: {(string)r["reason"]!}");
        }
        Assert.Equal("lora_random_b_output_change >= 0.05",
                     (string)doc["mutants"]!.AsArray().Single(m => (string)m!["id"]! == "pt-lora-unwired")!["results"]![0]!["bound"]!);
    }

    /// <summary>`report` shows a power matrix saved beside the run, and a corrupt power.json is bad input, not a stack trace.</summary>
    [Fact]
    [Trait("Tier", "Fast")]
    public void ReportIncludesAPowerMatrixSavedBesideTheRun()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir.Path).Code);
        Assert.Equal(0, CliRun.Invoke("power", "MB-0", "--scale", "smoke", "--seeds", "2", "--out", dir.Path, "--force").Code);
        Assert.Equal(0, CliRun.Invoke("report", dir.Path).Code);
        string report = File.ReadAllText(dir["report.md"]);
        Assert.Contains("## Power", report);
        Assert.Contains("truth: 2 of 2 claim runs passed", report);

        File.WriteAllText(dir["power.json"], "{ not json");
        var (code, _, err) = CliRun.Invoke("report", dir.Path);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("power.json", err);
    }

    /// <summary>The whole MB family at smoke, every catalogued mutant: what CI gates of `power` (the ci matrices are run by
    /// hand, docs/power.md). At smoke MB-1 … MB-5 fail by design (RunAllSmokeTests lists why), so this checks the matrix, not
    /// the truth: every claim has its truth row, every mutant a status for every claim, and the exact near misses that need no
    /// trained network are killed where their bound applies.</summary>
    [Fact]
    [Trait("Tier", "Claim")]
    public void WholeMbFamilyAtSmokeGivesTheFullMatrix()
    {
        using var dir = new TempDir();
        var (code, stdout, err) = CliRun.Invoke("power", "MB", "--scale", "smoke", "--seeds", "1", "--out", dir.Path);
        Assert.True(code is 0 or 1, err);
        Assert.StartsWith("truth: ", stdout.Trim().Split('\n')[^1]);
        var doc = JsonNode.Parse(File.ReadAllText(dir["power.json"]))!;
        var claims = TheoryCheck.Claims.Catalog.Claims.Where(c => c.Spec.Family == "MB").Select(c => c.Spec.Id).ToArray();
        Assert.Equal(claims, doc["truth"]!.AsArray().Select(t => (string)t!["claim"]!));
        var mutants = doc["mutants"]!.AsArray();
        Assert.Equal(TheoryCheck.Claims.MetaLearning.MetaLearningMutants.All.Select(m => m.Id), mutants.Select(m => (string)m!["id"]!));
        foreach (var m in mutants)
        {
            var results = m!["results"]!.AsArray();
            Assert.Equal(claims, results.Select(r => (string)r!["claim"]!));
            Assert.All(results, r => Assert.Contains((string)r!["status"]!, new[] { "killed", "survived", "n.a." }));
        }
        string Status(string mutant, string claim) => (string)mutants.Single(m => (string)m!["id"]! == mutant)!["results"]!.AsArray()
            .Single(r => (string)r!["claim"]! == claim)!["status"]!;
        Assert.Equal("killed", Status("mb-prior-sym", "MB-1"));
        Assert.Equal("killed", Status("mb-window-10", "MB-4"));
        Assert.Equal("n.a.", Status("mb-prior-sym", "MB-4"));
    }

    [Fact]
    [Trait("Tier", "Claim")]
    public void SmokeMatrixHasTheDocumentedShape()
    {
        using var dir = new TempDir();
        var (code, stdout, err) = CliRun.Invoke("power", "MB-1,MB-4", "--scale", "smoke", "--seeds", "2",
                                                "--mutant", "mb-prior-sym,mb-window-10", "--out", dir.Path);
        Assert.True(code == 0, err);
        string score1 = stdout.Trim().Split('\n')[^1];
        Assert.StartsWith("truth: ", score1);
        // Both mutants have knobs that need no training, so the one line also names the smallest effect detected per knob.
        Assert.Contains("; smallest detectable: ", score1);
        Assert.Contains("prior shift ε", score1);
        Assert.True(File.Exists(dir["power.md"]) && File.Exists(dir["power.png"]));
        var doc = JsonNode.Parse(File.ReadAllText(dir["power.json"]))!;
        Assert.Equal("theorycheck", (string)doc["manifest"]!["tool"]!);
        var truth = doc["truth"]!.AsArray();
        Assert.Equal(["MB-1", "MB-4"], truth.Select(t => (string)t!["claim"]!));
        Assert.All(truth, t => Assert.Equal(2, (int)t!["runs"]!));
        Assert.All(truth, t => Assert.InRange((double)t!["false_fail_upper95"]!, (double)t["false_fail_rate"]!, 1.0));

        string Status(string mutant, string claim) => (string)doc["mutants"]!.AsArray()
            .Single(m => (string)m!["id"]! == mutant)!["results"]!.AsArray().Single(r => (string)r!["claim"]! == claim)!["status"]!;
        Assert.Equal("killed", Status("mb-prior-sym", "MB-1"));   // exact KL per step 3.9e-4 at smoke length 20, bound 1e-4
        Assert.Equal("n.a.", Status("mb-prior-sym", "MB-4"));
        Assert.Equal("killed", Status("mb-window-10", "MB-4"));   // order matters beyond 10 tokens
        var score = doc["score"]!;
        Assert.Equal(3, (int)score["total"]!);
        Assert.Equal(3, (int)score["killed"]!);
    }
}
