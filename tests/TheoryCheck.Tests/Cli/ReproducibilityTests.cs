// Same inputs, same verdict: MKL's reproducibility mode is set before libtorch loads and recorded; bad environment
// variables and a full disk end in one line and exit 2, with no temp file left and earlier complete files untouched.
using System.Diagnostics;
using System.Text.Json.Nodes;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Reporting;
using TheoryCheck.Tests.Torch;
using TheoryCheck.Torch;

namespace TheoryCheck.Tests.Cli;

/// <summary>Runs the built CLI in its own process, where the runtime policy is decided afresh from the environment.</summary>
public static class CliProcess
{
    public static (int Code, string Out, string Err) Run(IDictionary<string, string?> env, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "theorycheck"))
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var v in new[] { "MKL_CBWR", "THEORYCHECK_THREADS", "THEORYCHECK_DEVICE", "THEORYCHECK_SCALE", "THEORYCHECK_SEED" })
            psi.Environment.Remove(v);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class ReproducibilityTests
{
    static JsonNode Manifest(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "results.json")))!["manifest"]!;

    [Fact]
    public void MklCbwrIsSetBeforeLibtorchLoadsAndRecorded()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliProcess.Run(new Dictionary<string, string?>(), "run", "PA-1", "--scale", "smoke", "--out", dir["default"]);
        Assert.True(code == 0, err);
        // "COMPATIBLE" alone (no "not in effect" note) means it was set before libtorch was mapped into the process.
        Assert.Equal(TorchRuntime.DefaultMklCbwr, (string?)Manifest(dir["default"])["mklCbwr"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest(dir["default"])["vectorExtensions"]));

        (code, _, err) = CliProcess.Run(new Dictionary<string, string?> { ["MKL_CBWR"] = "AUTO" }, "run", "PA-1", "--scale", "smoke", "--out", dir["user"]);
        Assert.True(code == 0, err);
        Assert.Equal("AUTO", (string?)Manifest(dir["user"])["mklCbwr"]);   // the user's choice wins and is recorded
    }

    [Fact]
    public void ThisProcessRunsWithTheReproducibilityPolicy()
    {
        TorchRuntime.Initialize();
        Assert.True(TorchRuntime.PolicyPrecededLoad, "libtorch was loaded before the runtime policy (NativePolicy module initializer)");
        Assert.NotNull(TorchRuntime.MklCbwr);
        Assert.DoesNotContain("not in effect", TorchRuntime.MklCbwr);
        Assert.Equal(TorchRuntime.MklCbwr, TheoryCheck.Claims.Reporting.Manifest.Capture(Scale.Smoke, 1).MklCbwr);
    }

    [Theory]
    [InlineData("THEORYCHECK_THREADS", "abc")]
    [InlineData("THEORYCHECK_THREADS", "-3")]
    [InlineData("THEORYCHECK_DEVICE", "tpu")]
    [InlineData("THEORYCHECK_SCALE", "huge")]
    [InlineData("THEORYCHECK_SEED", "abc")]
    [InlineData("MKL_CBWR", "FASTEST")]
    public void BadEnvironmentVariableGivesOneLineAndExit2(string variable, string value)
    {
        using var dir = new TempDir();
        var (code, _, err) = CliProcess.Run(new Dictionary<string, string?> { [variable] = value }, "run", "MB-0", "--scale", "smoke", "--out", dir.Path);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("theorycheck:", err);
        Assert.Contains(variable, err);
        Assert.False(File.Exists(dir["results.json"]));
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("")]
    public void RunSettingsNameTheVariable(string value)
    {
        // The spec runner reads the same function; a bad value there fails the test with this message.
        if (value == "") { Assert.Equal(Scale.Ci, RunSettings.ParseScale(null)); return; }
        var e = Assert.Throws<EnvironmentVariableException>(() => RunSettings.ParseScale(value));
        Assert.Contains(RunSettings.ScaleVariable, e.Message);
        Assert.Contains(RunSettings.SeedVariable, Assert.Throws<EnvironmentVariableException>(() => RunSettings.ParseSeed("abc", null)).Message);
        Assert.Equal(7, RunSettings.ParseSeed("7", null));
    }

    [Fact]
    public void FullDiskWhileWritingPlotsGivesOneLineRemovesTempFilesAndKeepsResults()
    {
        using var dir = new TempDir();
        int code; string err;
        using (AtomicFile.SimulateFullDisk(path => path.EndsWith(".png")))
            (code, _, err) = CliRun.Invoke("run", "MB-0,PA-1", "--scale", "smoke", "--out", dir.Path, "--report");
        Assert.Equal(2, code);
        var lines = err.Trim().Split('\n');
        Assert.Single(lines, l => l.StartsWith("theorycheck:"));
        Assert.StartsWith("theorycheck: cannot write the output: No space left on device", lines[^1]);
        Assert.DoesNotContain("   at ", err);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*", SearchOption.AllDirectories));
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(dir["results.json"]))!["claims"]!.AsArray().Count);   // complete, parseable
    }

    [Fact]
    public void FullDiskLeavesTheEarlierCompleteResultsUntouched()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRun.Invoke("run", "PA-1", "--scale", "smoke", "--out", dir.Path).Code);
        byte[] before = File.ReadAllBytes(dir["results.json"]);
        int code; string err;
        using (AtomicFile.SimulateFullDisk(path => path.EndsWith("results.json")))
            (code, _, err) = CliRun.Invoke("run", "PA-1", "--scale", "smoke", "--seed", "2", "--out", dir.Path, "--force");
        Assert.Equal(2, code);
        Assert.Contains("No space left on device", err);
        Assert.Equal(before, File.ReadAllBytes(dir["results.json"]));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*", SearchOption.AllDirectories));
    }
}
