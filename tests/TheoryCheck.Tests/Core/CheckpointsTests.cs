// A tuning run saved for `run --resume` must come back bit for bit, an unreadable checkpoint must be computed again (never
// trusted), and a run that cannot save must go on. Fast: no training (the TuningRuns test plants its outcome).
using System.Text.Json.Nodes;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Cli;
using TheoryCheck.Tests.Cli;
using TheoryCheck.Tests.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class CheckpointsTests
{
    static readonly double[] Awkward = { 0.0, -0.0, 1.0 / 3, double.Epsilon, 1e-310, double.MaxValue, -2.5e-17, Math.PI, double.NaN };

    static RunOutcome Outcome(double scale, int[]? bits = null) => new(Method.HardPT, 3, Awkward.Select(v => v * scale).ToArray(),
        new Dictionary<int, double[]> { [50] = [0.1 * scale, 2.0 / 3], [100] = [scale] }, "prefix 000100 (1 ones)", 12.5) { HardBits = bits };

    static void AssertSameBits(RunOutcome expected, RunOutcome actual)
    {
        Assert.Equal((expected.Method, expected.Rep, expected.Detail, expected.Seconds), (actual.Method, actual.Rep, actual.Detail, actual.Seconds));
        Assert.Equal(expected.MeanCurve.Select(BitConverter.DoubleToInt64Bits), actual.MeanCurve.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.PerSequence.Keys.Order(), actual.PerSequence.Keys.Order());
        foreach (var (h, v) in expected.PerSequence)
            Assert.Equal(v.Select(BitConverter.DoubleToInt64Bits), actual.PerSequence[h].Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expected.HardBits, actual.HardBits);
    }

    [Fact]
    public void AnOutcomeComesBackBitForBit()
    {
        foreach (var outcome in new[] { Outcome(1), Outcome(-7, [0, 0, 0, 1, 0, 0]) })
            AssertSameBits(outcome, RunOutcome.FromJson(JsonNode.Parse(outcome.ToJson().ToJsonString())!));
    }

    [Fact]
    public void ASavedPieceIsReadBackInsteadOfComputed()
    {
        using var dir = new TempDir();
        var warnings = new List<string>();
        int computed = 0;
        RunOutcome Compute() { computed++; return Outcome(2); }

        var first = new Checkpoints(dir.Path, warnings.Add).GetOrCompute("k", Compute, o => o.ToJson(), RunOutcome.FromJson);
        var again = new Checkpoints(dir.Path, warnings.Add);   // another process: nothing in memory
        AssertSameBits(first, again.GetOrCompute("k", Compute, o => o.ToJson(), RunOutcome.FromJson));
        Assert.Equal((1, 1), (computed, again.Loaded));
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("{\"key\":\"k\",\"value\":{\"method\":\"HardPT\"")]          // cut short
    [InlineData("{\"key\":\"other\",\"value\":{}}")]                       // another piece's file
    [InlineData("{\"key\":\"k\",\"value\":{\"method\":\"Magic\"}}")]      // not an outcome
    [InlineData("{\"key\":\"k\",\"value\":{\"method\":\"HardPT\",\"rep\":0,\"meanCurve\":\"AAA=\",\"perSequence\":{},\"detail\":\"\",\"seconds\":0}}")]
    public void AnUnreadableCheckpointIsComputedAgainAndReplaced(string content)
    {
        using var dir = new TempDir();
        var warnings = new List<string>();
        var store = new Checkpoints(dir.Path, warnings.Add);
        Directory.CreateDirectory(dir.Path);
        File.WriteAllText(store.PathOf("k"), content);

        var value = store.GetOrCompute("k", () => Outcome(3), o => o.ToJson(), RunOutcome.FromJson);
        AssertSameBits(Outcome(3), value);
        Assert.Contains("cannot be read", Assert.Single(warnings));
        Assert.Equal(0, store.Loaded);
        AssertSameBits(Outcome(3), new Checkpoints(dir.Path, _ => { }).GetOrCompute("k", () => Outcome(4), o => o.ToJson(), RunOutcome.FromJson));
    }

    [Fact]
    public void APieceThatCannotBeSavedIsStillReturned()
    {
        using var dir = new TempDir();
        var warnings = new List<string>();
        var store = new Checkpoints(dir.Path, warnings.Add);
        using (TheoryCheck.Claims.Snapshots.AtomicFile.SimulateFullDisk(_ => true))
            AssertSameBits(Outcome(5), store.GetOrCompute("k", () => Outcome(5), o => o.ToJson(), RunOutcome.FromJson));
        Assert.Contains("could not be saved", Assert.Single(warnings));
        Assert.False(File.Exists(store.PathOf("k")));
        Assert.Empty(Directory.Exists(dir.Path) ? Directory.GetFiles(dir.Path) : []);
    }

    [Fact]
    public void ATuningRunIsReadFromItsCheckpointWithoutTuning()
    {
        using var dir = new TempDir();
        var store = new Checkpoints(dir.Path, _ => { });
        // Seed 4242 at smoke: a run no other test asks for, so the process memo cannot answer for the checkpoint.
        var ctx = RunContext.Quiet(Scale.Smoke, 4242) with { Checkpoints = store };
        var request = new RunRequest(new Setting(Architecture.Lstm, MetaLearningSetup.Uniform, PromptingSetup.Coin), Method.SoftPT, 6, 0);
        var planted = Outcome(6);
        store.GetOrCompute(TuningRuns.CheckpointKey(request, ctx), () => planted, o => o.ToJson(), RunOutcome.FromJson);

        AssertSameBits(planted, TuningRuns.Get(request, ctx));
        Assert.Equal(1, store.Loaded);
        // The key names the network and the preset: another scale's run is another key.
        Assert.NotEqual(TuningRuns.CheckpointKey(request, ctx), TuningRuns.CheckpointKey(request, ctx with { Scale = Scale.Ci, Checkpoints = null }));
    }

    [Fact]
    public void AFinishedRunLeavesNoCheckpointsAndAFreshOneDropsStaleOnes()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir[Checkpoints.FolderName]);
        File.WriteAllText(Path.Combine(dir[Checkpoints.FolderName], "stale.json"), "{}");
        var (code, _, err) = CliRun.Invoke("run", "MB-0", "--scale", "smoke", "--out", dir.Path, "--force");
        Assert.True(code == 0, err);
        Assert.False(Directory.Exists(dir[Checkpoints.FolderName]));
        Assert.True(File.Exists(dir["results.json"]));
    }
}
