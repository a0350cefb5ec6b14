// Same inputs, same verdict: MKL's reproducibility mode is set before libtorch loads and recorded; bad environment
// variables and a full disk end in one line and exit 2, with no temp file left and earlier complete files untouched.
using System.Diagnostics;
using System.Text.Json.Nodes;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;
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
        foreach (var v in new[] { "MKL_CBWR", "ATEN_CPU_CAPABILITY", "THEORYCHECK_THREADS", "THEORYCHECK_LANES", "THEORYCHECK_DEVICE", "THEORYCHECK_SCALE", "THEORYCHECK_SEED" })
            psi.Environment.Remove(v);
        foreach (var (k, v) in env)
            if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
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
    public void NumericPolicyIsSetBeforeLibtorchLoadsAndRecorded()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliProcess.Run(new Dictionary<string, string?>(), "run", "PA-1", "--scale", "smoke", "--out", dir["default"]);
        Assert.True(code == 0, err);
        // "COMPATIBLE" alone (no "not in effect" note) means it was set before libtorch was mapped into the process.
        Assert.Equal(TorchRuntime.DefaultMklCbwr, (string?)Manifest(dir["default"])["mklCbwr"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest(dir["default"])["vectorExtensions"]));
        if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
        {
            Assert.Equal(TorchRuntime.DefaultAtenCpuCapability, (string?)Manifest(dir["default"])["atenCpuCapability"]);
            Assert.Equal(TorchRuntime.DefaultOnednnMaxCpuIsa, (string?)Manifest(dir["default"])["onednnMaxCpuIsa"]);
        }

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
        Assert.Equal(TorchRuntime.MklCbwr, TheoryCheck.Cli.Reporting.Manifest.Capture(Scale.Smoke, 1).MklCbwr);
    }

    [Theory]
    [InlineData("THEORYCHECK_THREADS", "abc")]
    [InlineData("THEORYCHECK_THREADS", "-3")]
    [InlineData("THEORYCHECK_LANES", "0")]
    [InlineData("THEORYCHECK_DEVICE", "tpu")]
    [InlineData("ONEDNN_MAX_CPU_ISA", "AVX9")]
    [InlineData("THEORYCHECK_SCALE", "huge")]
    [InlineData("THEORYCHECK_SEED", "abc")]
    [InlineData("MKL_CBWR", "FASTEST")]
    [InlineData("ATEN_CPU_CAPABILITY", "sse9")]
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

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData(" TRUE ", true)]
    public void ExtendedTierIsOnOnlyWhenAskedFor(string? value, bool on) => Assert.Equal(on, RunSettings.ParseExtended(value));

    [Fact]
    public void AnExtendedValueThatIsNeitherOnNorOffNamesTheVariable() =>
        Assert.Contains(RunSettings.ExtendedVariable, Assert.Throws<EnvironmentVariableException>(() => RunSettings.ParseExtended("yes please")).Message);

    [Fact]
    public void FullDiskWhileWritingPlotsGivesOneLineRemovesTempFilesAndKeepsResults()
    {
        using var dir = new TempDir();
        int code; string err;
        // MB-0 alone: its family's report writes 4 plots in 2-3 s; with PA-1 the PA tables at smoke took the Fast tier 14 s.
        using (AtomicFile.SimulateFullDisk(path => path.EndsWith(".png")))
            (code, _, err) = CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir.Path, "--report");
        Assert.Equal(2, code);
        var lines = err.Trim().Split('\n');
        Assert.Single(lines, l => l.StartsWith("theorycheck:"));
        Assert.StartsWith("theorycheck: cannot write the output: No space left on device", lines[^1]);
        Assert.DoesNotContain("   at ", err);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp*", SearchOption.AllDirectories));
        Assert.Single(JsonNode.Parse(File.ReadAllText(dir["results.json"]))!["claims"]!.AsArray());   // complete, parseable
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

/// <summary>No hidden state: a small selection that trains (MB-1's LSTM through the model cache, PA-8 by gradient descent)
/// gives byte-identical claims (times aside) from a cold cache, a warm cache, and twice in this process.</summary>
[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class HiddenStateTests
{
    const string Selection = "MB-1,MB-6,PA-3,PA-8";

    [Fact]
    public void ColdWarmInProcessAndSeparateProcessRunsAgree()
    {
        using var dir = new TempDir();
        var env = new Dictionary<string, string?> { ["THEORYCHECK_CACHE"] = dir["cache"] };
        foreach (var name in new[] { "cold", "warm" })
        {
            var (code, _, err) = CliProcess.Run(env, "run", Selection, "--scale", "smoke", "--out", dir[name]);
            Assert.True(code is 0 or 1, err);   // smoke-scale MB-1 is too small to pass; its values must still agree
        }
        foreach (var name in new[] { "inproc1", "inproc2" })
            Assert.True(CliRun.Invoke("run", Selection, "--scale", "smoke", "--out", dir[name]).Code is 0 or 1);

        var models = JsonNode.Parse(File.ReadAllText(dir["cold/results.json"]))!["manifest"]!["models"]!.AsArray();
        Assert.False((bool)models[0]!["fromCache"]!);
        Assert.True((bool)JsonNode.Parse(File.ReadAllText(dir["warm/results.json"]))!["manifest"]!["models"]![0]!["fromCache"]!);
        string cold = ShardMergeTests.ClaimsWithoutTimes(dir["cold/results.json"]);
        foreach (var name in new[] { "warm", "inproc1", "inproc2" })
            Assert.Equal(cold, ShardMergeTests.ClaimsWithoutTimes(dir[$"{name}/results.json"]));
    }
}

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class InProcessRepeatTests
{
    /// <summary>PA-3 measures float64 rounding (~1e-15): before MKL_CBWR, its values and reported case changed between two
    /// runs in one process on AVX-512 AMD EPYC. Ten repetitions must now agree bit for bit, every case included.</summary>
    [Fact]
    public void PaThreeIsBitIdenticalOverTenRepetitions()
    {
        TorchRuntime.Initialize();
        var runner = new TheoryCheck.Cli.Runner(Scale.Ci, 1, TheoryCheck.Cli.Progress.For(TextWriter.Null));
        string Json() => System.Text.Json.JsonSerializer.Serialize(runner.Claim(TheoryCheck.Claims.Attention.SoftmaxInvariances.Claim) with { Seconds = 0 });
        string first = Json();
        for (int i = 1; i < 10; i++) Assert.Equal(first, Json());
    }
}
