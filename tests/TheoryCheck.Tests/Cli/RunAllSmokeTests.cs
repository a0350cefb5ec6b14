// At smoke scale: `run all --report` gives every claim its expected verdict, writes report.md with a PNG per family,
// results.csv and the manifest; shards 1/2 + 2/2 of one trained claim per family, merged, equal the same claims of the
// unsharded run, with the same plots; rerun of the merged results.json agrees.
// Trains tiny models (122 s beside the specs in a cold `.ci/run`), hence the non-parallel torch collection; the Extended tier
// since the oneDNN pin took the default `dotnet test` over its budget (docs/performance.md, *Suite times*): beside it, the
// specs' single-threaded claims ran at half speed. What stays in the default: the same checks on exact claims (ShardMergeTests),
// trained claims bit-identical from both entry points (EntryPointValueTests) and across processes (HiddenStateTests).
using System.Text.Json.Nodes;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Torch;
using TheoryCheck.Xunit;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Extended")]
[Collection(TorchCollection.Name)]
public sealed class RunAllSmokeTests
{
    /// <summary>
    /// The claims that fail at smoke scale (seed 1), each with why; every other claim must pass. Smoke is for wiring, not for
    /// evidence, but its verdicts are a function of the commit like any other: a claim that changes verdict here changed
    /// behaviour, and this list is where that shows.
    /// </summary>
    static readonly Dictionary<string, string> FailAtSmoke = new()
    {
        ["MB-1"] = "the 60-step LSTM-16 is far from Bayes (KL 0.14 per step against ≤ 1e-4)",
        ["MB-2"] = "the 60-step Transformer-16 likewise (KL 0.018 against ≤ 1e-4)",
        ["MB-3"] = "the smoke LSTM does not track the posterior (0.58 against ≤ 0.03)",
        ["MB-4"] = "nor is it exchangeable (0.11 against ≤ 0.03)",
        ["MB-5"] = "nor Bayes on other priors (KL 0.069 against ≤ 1e-4)",
        ["PT-2"] = "HardPT on an undertrained net picks another composition than the ideal prefix",
        ["PT-3"] = "20 tuning steps: the hard-prefix control already reaches the SoftPT bound, so the claim is not tested",
        ["PT-5"] = "20 steps of FullWT leave it 10 nats above the target's Bayes",
        ["PT-6"] = "64 evaluation sequences leave FullWT at 0.032 ± 0.024 regret, whose limit 0.071 is above the bound 0.05 (ci: ≤ 0.003)",
        ["PT-7"] = "20 SoftPT steps cut the untrained smoke Transformer's regret by 0.21 (≥ 0.5 at ci, where 300 steps give 0.78-0.89)",
        ["PT-8"] = "20 steps of weight tuning do not reach the ci bounds",
        ["PT-9"] = "the undertrained net's random-prefix effect is 1.1 from the ideal's (≤ 0.1 at ci)",
        ["PA-18"] = "its declared miss (the accuracy gap at ζ = 0.2) holds in the one smoke case, so the finding does not reproduce",
    };

    /// <summary>
    /// The claims that are a declared finding at smoke (seed 1), each with why. PT-4 was "fail" while the per-bound control rule
    /// was on for it (its untuned controls hold soft − real); since the rule is off for PT-4 (docs/power.md), its controls
    /// failing simplex − hard clearly (1.38, limit 1.18, against ≤ 0.05) suffice, and its declared miss reproduces (1.51).
    /// </summary>
    static readonly Dictionary<string, string> FindingAtSmoke = new()
    {
        ["PT-4"] = "SimplexPT stops short of the hard corners (simplex − hard 1.51 ± 0.17 against ≤ 0.05), as declared",
    };

    /// <summary>One trained claim of each family: MB-1 and PT-3 fail at smoke by design, PA-8 passes.</summary>
    const string ShardSelection = "MB-1,PT-3,PA-8";

    /// <summary>The given claims of a results.json, in its order, without their wall times.</summary>
    static string ClaimsOf(string resultsJson, string[] ids)
    {
        var claims = System.Text.Json.Nodes.JsonNode.Parse(ShardMergeTests.ClaimsWithoutTimes(resultsJson))!.AsArray();
        return new JsonArray(claims.Where(c => ids.Contains((string)c!["id"]!)).Select(c => c!.DeepClone()).ToArray()).ToJsonString();
    }

    [SkippableFact]
    public void RunAllWithReportShardMergeAndRerunAgree()
    {
        ExtendedTier.SkipUnlessRequested("run all at smoke with its shards, merge and rerun");
        using var dir = new TempDir();
        var (code, _, err) = CliRun.Invoke("run", "all", "--scale", "smoke", "--out", dir["all"], "--report");
        Assert.Equal(1, code);   // the claims in FailAtSmoke fail by design
        var ran = JsonNode.Parse(File.ReadAllText(dir["all/results.json"]))!["claims"]!.AsArray();
        // Every catalogued claim ran, and every FailAtSmoke entry names one: a dropped claim or a stale entry fails here.
        Assert.Equal(TheoryCheck.Claims.Catalog.Claims.Select(c => c.Spec.Id).Order(StringComparer.Ordinal),
                     ran.Select(c => (string)c!["id"]!).Order(StringComparer.Ordinal));
        Assert.Empty(FailAtSmoke.Keys.Concat(FindingAtSmoke.Keys).Except(ran.Select(c => (string)c!["id"]!)));
        foreach (var claim in ran)
        {
            string id = (string)claim!["id"]!, verdict = (string)claim["verdict"]!;
            string expected = FailAtSmoke.TryGetValue(id, out var why) ? "fail" : FindingAtSmoke.TryGetValue(id, out why) ? "finding" : "pass";
            Assert.True(verdict == expected,
                        $"{id} is {verdict} at smoke scale ({(string?)claim["reason"]}); expected {expected}{(why is null ? "" : ": " + why)}");
        }

        string report = File.ReadAllText(dir["all/report.md"]);
        var families = TheoryCheck.Claims.Catalog.Families;
        foreach (var family in families)
        {
            string section = report[report.IndexOf($"\n## {family} (", StringComparison.Ordinal)..];
            int next = section.IndexOf("\n## ", 1, StringComparison.Ordinal);
            Assert.Matches(@"!\[[^\]]*\]\(plots/[^)]+\.png\)", next < 0 ? section : section[..next]);
        }
        Assert.True(File.ReadAllLines(dir["all/results.csv"]).Length > TheoryCheck.Claims.Catalog.Claims.Count);
        var models = JsonNode.Parse(File.ReadAllText(dir["all/results.json"]))!["manifest"]!["models"]!.AsArray();
        Assert.NotEmpty(models);

        // Shards, merge and rerun on one trained claim per family (with --report, so every family's tables and plots are built):
        // the exact-claim versions are in ShardMergeTests; running all 35 three more times cost 2-3 min of the default budget.
        foreach (var i in new[] { "1", "2" })
            Assert.True(CliRun.Invoke("run", ShardSelection, "--scale", "smoke", "--shard", $"{i}/2", "--out", dir[$"s{i}"], "--report").Code is 0 or 1);
        (code, _, err) = CliRun.Invoke("merge", dir["s1"], dir["s2"], "--out", dir["merged"], "--report");
        Assert.True(code is 0 or 1, err);
        Assert.Equal(ClaimsOf(dir["all/results.json"], ShardSelection.Split(',')), ShardMergeTests.ClaimsWithoutTimes(dir["merged/results.json"]));
        Assert.Equal(Directory.GetFiles(dir["all/plots"]).Select(Path.GetFileName).Order(),
                     Directory.GetFiles(dir["merged/plots"]).Select(Path.GetFileName).Order());

        (code, var output, err) = CliRun.Invoke("rerun", dir["merged/results.json"]);
        Assert.True(code == 0, output + err);
        Assert.Contains("all 3 claims agree", output);
    }
}
