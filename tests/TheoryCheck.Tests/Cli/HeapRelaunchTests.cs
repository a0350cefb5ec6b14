// The heap tunable glibc reads only at process start (TorchRuntime.HeapTunable): the test hosts start with it
// (tests.runsettings), and the CLI started without it starts itself again with it, passing its output and exit code on.
using System.Text.Json.Nodes;
using TheoryCheck.Tests.Torch;
using TheoryCheck.Torch;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class HeapRelaunchTests
{
    static string? Heap(string dir) =>
        (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "results.json")))!["manifest"]!["heap"];

    [Fact]
    public void TestHostsStartWithTheHeapTunable()
    {
        Assert.True(TorchRuntime.HeapUsesHugePages, $"GLIBC_TUNABLES={Environment.GetEnvironmentVariable("GLIBC_TUNABLES")}: tests.runsettings was not applied");
        string root = RepoPaths.Root;
        string settings = File.ReadAllText(Path.Combine(root, "tests.runsettings"));
        Assert.Contains($"<GLIBC_TUNABLES>{TorchRuntime.HeapTunable}</GLIBC_TUNABLES>", settings);
    }

    [Fact]
    public void CliStartedWithoutTheTunableRunsWithItAndPassesItsExitCodeOn()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliProcess.Run(new Dictionary<string, string?> { ["GLIBC_TUNABLES"] = null, ["THEORYCHECK_RELAUNCHED"] = null },
                                            "run", "PA-1", "--scale", "smoke", "--out", dir["run"]);
        Assert.True(code == 0, err);
        Assert.Equal($"GLIBC_TUNABLES={TorchRuntime.HeapTunable}", Heap(dir["run"]));

        (code, var output, err) = CliProcess.Run(new Dictionary<string, string?> { ["GLIBC_TUNABLES"] = null }, "run", "NO-SUCH-CLAIM");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));   // the child's one line, once
    }

    [Fact]
    public void RelaunchCanBeTurnedOffAndThenTheMalloptFallbackIsRecorded()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliProcess.Run(new Dictionary<string, string?> { ["GLIBC_TUNABLES"] = null, ["THEORYCHECK_RELAUNCH"] = "0" },
                                            "run", "PA-1", "--scale", "smoke", "--out", dir["run"]);
        Assert.True(code == 0, err);
        Assert.StartsWith("mallopt fallback", Heap(dir["run"]));
    }
}
