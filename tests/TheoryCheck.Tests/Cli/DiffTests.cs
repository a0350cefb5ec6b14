// Issue 20 §1: `diff BASE HEAD` lists exactly the values that moved beyond the allowed difference (rerun's rule), judges
// their direction against the bound, lists added and removed claims, refuses runs of other settings, and exits 1 only on
// a regression. Fast: exact-math claims only, edited the way a planted change would move them.
using System.Text.Json.Nodes;
using TheoryCheck.Cli.Gating;
using TheoryCheck.Tests.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class DiffTests
{
    const string Selection = "MB-0,MB-6,PA-1,PA-3";

    /// <summary>A copy of <paramref name="from"/>'s results.json in <paramref name="to"/>, with <paramref name="edit"/> applied.</summary>
    public static void EditedCopy(string from, string to, Action<JsonNode> edit)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(from, "results.json")))!;
        edit(doc);
        Directory.CreateDirectory(to);
        File.WriteAllText(Path.Combine(to, "results.json"), doc.ToJsonString());
    }

    public static JsonNode Claim(JsonNode doc, string id) => doc["claims"]!.AsArray().First(c => (string)c!["id"]! == id)!;

    /// <summary>The rows of the Changes section (before the folded full table) that name a moved value.</summary>
    public static string[] ChangedRows(string markdown) =>
        markdown[..markdown.IndexOf("<details>", StringComparison.Ordinal)].Split('\n')
            .Where(l => l.StartsWith("| ") && (l.EndsWith("| **worse** |") || l.EndsWith("| better |") || l.EndsWith("| applicability changed |"))).ToArray();

    [Fact]
    public void ARunAgainstItselfHasNoChanges()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["a"]).Code);
        var (code, output, err) = CliRun.Invoke("diff", dir["a"], dir["a/results.json"]);
        Assert.True(code == 0, err);
        Assert.Contains("**No regression.**", output);
        Assert.Contains("None: every claim has the same verdict", output);
        Assert.Empty(ChangedRows(output));
    }

    [Fact]
    public void AValueMovedTowardItsBoundIsListedAloneAndFails()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["a"]);
        // PA-1's exact value moves by 1e-11 (within 1e-9: not a change) and PA-3's by 1e-6 toward its ≤ 1e-12 bound.
        EditedCopy(dir["a"], dir["b"], doc =>
        {
            Claim(doc, "PA-1")["bounds"]![0]!["measured"] = (double)Claim(doc, "PA-1")["bounds"]![0]!["measured"]! + 1e-11;
            Claim(doc, "PA-3")["bounds"]![0]!["measured"] = (double)Claim(doc, "PA-3")["bounds"]![0]!["measured"]! + 1e-6;
        });
        var (code, output, _) = CliRun.Invoke("diff", dir["a"], dir["b"], "--out", dir["diff.md"]);
        Assert.Equal(1, code);
        var rows = ChangedRows(output);
        Assert.Single(rows);
        Assert.StartsWith("| PA-3 | claim | max_abs_change <= 1E-12 |", rows[0]);
        Assert.EndsWith("**worse** |", rows[0]);
        Assert.Equal(output, File.ReadAllText(dir["diff.md"]));
    }

    [Fact]
    public void AVerdictThatGotWorseFailsAndAnImprovementDoesNot()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir["a"]);
        EditedCopy(dir["a"], dir["failing"], doc => Claim(doc, "MB-6")["verdict"] = "fail");
        var (code, output, _) = CliRun.Invoke("diff", dir["a"], dir["failing"]);
        Assert.Equal(1, code);
        Assert.Contains("| MB-6 | pass → fail | worse |", output);
        (code, output, _) = CliRun.Invoke("diff", dir["failing"], dir["a"]);
        Assert.Equal(0, code);
        Assert.Contains("| MB-6 | fail → pass | better |", output);
    }

    [Fact]
    public void AddedAndRemovedClaimsAndALoosenedBoundAreListedWithoutFailing()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir["a"]);
        CliRun.Invoke("run", "PA-1,PA-3", "--scale", "smoke", "--out", dir["b"]);
        EditedCopy(dir["b"], dir["c"], doc => Claim(doc, "PA-1")["bounds"]![0]!["value"] = 1e-8);
        var (code, output, _) = CliRun.Invoke("diff", dir["a"], dir["c"]);
        Assert.Equal(0, code);
        Assert.Contains("- PA-3: added (head pass)", output);
        Assert.Contains("- MB-0: removed (base pass)", output);
        Assert.Contains("- PA-1: bound max_abs_diff <= 1E-10 → max_abs_diff <= 1E-08 (loosened)", output);
    }

    [Fact]
    public void RunsOfAnotherSeedAreRefusedUnlessAllowed()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "PA-1", "--scale", "smoke", "--out", dir["a"]);
        CliRun.Invoke("run", "PA-1", "--scale", "smoke", "--seed", "2", "--out", dir["b"]);
        var (code, output, err) = CliRun.Invoke("diff", dir["a"], dir["b"]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("theorycheck: the runs differ in seed (1 vs 2); their values are not comparable (pass --allow-different-settings to compare anyway)", err.Trim());
        (code, output, _) = CliRun.Invoke("diff", dir["a"], dir["b"], "--allow-different-settings");
        Assert.InRange(code, 0, 1);
        Assert.Contains("| seed | 1 | 2 |", output);
    }

    [Fact]
    public void BadInputIsOneLineAndExitTwo()
    {
        using var dir = new TempDir();
        CliRun.Invoke("run", "PA-1", "--scale", "smoke", "--out", dir["a"]);
        Directory.CreateDirectory(dir["empty"]);
        File.WriteAllText(dir["foreign.json"], "{\"name\": \"not ours\"}");
        foreach (var args in new[]
        {
            new[] { "diff", dir["a"], dir["missing"] }, new[] { "diff", dir["empty"], dir["a"] },
            new[] { "diff", dir["a"], dir["foreign.json"] }, new[] { "diff", dir["a"], dir["a"], "--out", dir["a"] },
        })
        {
            var (code, output, err) = CliRun.Invoke(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Single(err.Trim().Split('\n'));
            Assert.StartsWith("theorycheck: ", err);
        }
    }

    [Theory]
    [InlineData("claim", "<=", 0.10, 0.20, Movement.Worse)]
    [InlineData("claim", "<=", 0.20, 0.10, Movement.Better)]
    [InlineData("claim", ">=", 0.20, 0.10, Movement.Worse)]
    [InlineData("control", "<=", 0.20, 0.10, Movement.Worse)]    // a near miss that moved toward holding the bound
    [InlineData("control", ">=", 0.10, 0.20, Movement.Worse)]
    [InlineData("claim", "<=", 0.10, 0.14, Movement.Within)]     // allowed 0.05
    [InlineData("claim", "<=", double.NaN, 0.10, Movement.Applicability)]
    [InlineData("claim", "<=", double.NaN, double.NaN, Movement.Within)]
    public void DirectionIsJudgedAgainstTheBound(string role, string op, double b, double h, Movement expected) =>
        Assert.Equal(expected, RunDiff.Judge(role, op, b, h, 0.05));
}

/// <summary>The same on a statistical value (a simulated error with an SE): a move of 5 SE toward the bound is a regression,
/// 2 SE is within the allowed 4·SE.</summary>
[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class DiffOfAStatisticalValueTests
{
    [Fact]
    public void FiveStandardErrorsTowardTheBoundFailAndTwoDoNot()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Invoke("run", "PA-13", "--scale", "smoke", "--out", dir["a"]).Code);
        void Shift(string to, double ses) => DiffTests.EditedCopy(dir["a"], dir[to], doc =>
        {
            var b = DiffTests.Claim(doc, "PA-13")["bounds"]![0]!;
            b["measured"] = (double)b["measured"]! + ses * (double)b["se"]!;
        });
        Shift("far", 5);
        Shift("near", 2);
        var (code, output, _) = CliRun.Invoke("diff", dir["a"], dir["far"]);
        Assert.Equal(1, code);
        Assert.StartsWith("| PA-13 | claim | abs_error_minus_theory <= 0.035 |", Assert.Single(DiffTests.ChangedRows(output)));
        (code, output, _) = CliRun.Invoke("diff", dir["a"], dir["near"]);
        Assert.Equal(0, code);
        Assert.Empty(DiffTests.ChangedRows(output));
    }
}
