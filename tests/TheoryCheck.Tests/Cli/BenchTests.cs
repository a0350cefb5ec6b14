// `bench`: bad arguments give exit 2 with a one-line error and write nothing; the FLOP estimate follows its formula.
// No timing is asserted: the bench records numbers, it does not gate on them.
using TheoryCheck.Cli.Bench;
using TheoryCheck.Tests.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Tests.Cli;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class BenchTests
{
    static void AssertBadInput(string mustMention, string[] args, params string[] mustNotExist)
    {
        var (code, stdout, err) = CliRun.Invoke(args);
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("theorycheck:", err);
        Assert.Contains(mustMention, err);
        Assert.Equal("", stdout);
        foreach (var p in mustNotExist) Assert.False(Directory.Exists(p) || File.Exists(p), $"{p} was written");
    }

    /// <summary>The memory run reads RSS after waiting for finalizers inside training steps; it hung there for ever once the
    /// trainer held the finalizer gate (FinalizerGate.Unparked).</summary>
    [Fact]
    public void TheMemoryRunFinishes()
    {
        var run = Task.Run(() => MemoryBench.Run(new BenchPlan("test", 1, 1, BenchPlan.MemoryBaselineStep + 60), _ => { }));
        Assert.True(run.Wait(TimeSpan.FromSeconds(120)), "the memory run hung");
        Assert.Equal(BenchPlan.MemoryBaselineStep, run.Result.Samples[0].Step);
        Assert.Equal(BenchPlan.MemoryBaselineStep + 59, run.Result.Samples[^1].Step);
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("paper")]
    [InlineData("")]
    public void UnknownFamiliesScaleIsRejected(string families)
    {
        using var dir = new TempDir();
        AssertBadInput("--families", new[] { "bench", "--families", families, "--out", dir["bench.json"] }, dir.Path);
    }

    [Fact]
    public void OutThatIsAFolderIsRejected()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path);
        AssertBadInput("is a folder", new[] { "bench", "--quick", "--out", dir.Path }, dir.Path + ".md");
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void OutEndingInMdIsRejected()
    {
        using var dir = new TempDir();
        AssertBadInput("ends in .md", new[] { "bench", "--out", dir["bench.md"] }, dir.Path);
    }

    [Fact]
    public void UnwritableOutFolderIsRejected() =>
        // /proc refuses new entries even for root.
        AssertBadInput("not writable", new[] { "bench", "--out", "/proc/theorycheck-test/bench.json" }, "/proc/theorycheck-test");

    [Fact]
    public void LstmFlopsFollowTheGateFormula()
    {
        // E = 16, H = 64: gates 2·4·64·(16+64) = 40,960; embedding 2·2·16 = 64; readout 2·64·2 = 256.
        Assert.Equal(41_280, FlopEstimate.ForwardPerToken(ModelConfig.Lstm(16, 64), length: 50));
        // Training ≈ 3 × forward over 128 × 50 tokens.
        Assert.Equal(3.0 * 41_280 * 128 * 50, FlopEstimate.TrainingStep(new BenchModel("lstm ci", ModelConfig.Lstm(16, 64), 128, 50)));
    }

    [Fact]
    public void TransformerFlopsFollowTheBlockFormula()
    {
        // D = 32, T = 50: projections and MLP 2·12·32² = 24,576; attention 2·2·50·32 = 6,400; embedding 128; readout 128.
        Assert.Equal(31_232, FlopEstimate.ForwardPerToken(ModelConfig.Transformer(32), length: 50));
    }

    [Fact]
    public void BenchTimesTheMetaLearningPresets()
    {
        var names = BenchModel.All.Select(m => $"{m.Name}: {m.Config} {m.Batch}x{m.Length}").ToArray();
        Assert.Equal(new[]
        {
            "lstm ci: lstm-e16-h64 128x50", "transformer ci: transformer-d32-h4 128x50",
            "lstm paper: lstm-e128-h128 256x100", "transformer paper: transformer-d128-h4 256x100",
        }, names);
    }

    [Fact]
    public void MedianOfEvenCountAveragesTheMiddlePair() =>
        Assert.Equal(2.5, StepTimer.Median(new[] { 4.0, 1.0, 3.0, 2.0 }));

    [Fact]
    public void UnknownPeerIsRejected()
    {
        using var dir = new TempDir();
        AssertBadInput("--peer", new[] { "bench", "--peer", "jax", "--out", dir["bench.json"] }, dir["bench.json"]);
    }

    [Fact]
    public void PeerRowsShowTheirRatioToOursAndASkippedPeerSaysWhy()
    {
        var machine = new BenchMachine("t", "0", "abcdef12", false, "cpu", 1, 2, "PASSIVE", null, "0.107.0", "2.10.0", "os", "cpu", "10", "bench", "now");
        var rows = new[] { new ThroughputResult("lstm paper", "lstm-e128-h128", 256, 100, 2, 200, 1e5, 20, 80, 40, 6e5, 120) };
        var memory = new MemoryResult("lstm ci", "lstm-e16-h64", 32, 50, 1000, 100, 101, 0.01,
                                      new[] { new MemorySample(200, 100, 10), new MemorySample(999, 101, 10) });
        BenchDocument Doc(PeerRun peer) => new(machine, "quick", rows, Array.Empty<PrefixSearchResult>(), memory,
                                               Array.Empty<FamilyResult>(), 1, Array.Empty<MatmulResult>(), peer);
        string ran = BenchReport.ToMarkdown(Doc(new PeerRun("pytorch", new[] { new PeerResult("lstm paper", 2, 3000, "1.13.1") }, null)));
        Assert.Contains("| pytorch ms/step | pytorch / ours |", ran);
        Assert.Contains("| 3000.0 | 15.00× |", ran);
        string skipped = BenchReport.ToMarkdown(Doc(new PeerRun("pytorch", Array.Empty<PeerResult>(), "/usr/bin/python3 not found")));
        Assert.Contains("Peer pytorch: not timed (/usr/bin/python3 not found).", skipped);
        Assert.DoesNotContain("pytorch / ours", skipped);
    }

    [Fact]
    public void ModelRowsAreReadAgainstTheReferenceMatmulRateAtTheirThreadCount()
    {
        var machine = new BenchMachine("t", "0", "abcdef12", false, "cpu", 1, 2, "PASSIVE", null, "0.107.0", "2.10.0", "os", "cpu", "10", "bench", "now");
        var roofline = new[]
        {
            new MatmulResult("2048 × 2048 × 2048", RooflineBench.ReferencePurpose, 2048, 2048, 2048, 1, 200, 80),
            new MatmulResult("2048 × 2048 × 2048", RooflineBench.ReferencePurpose, 2048, 2048, 2048, 2, 100, 160),
            new MatmulResult("256 × 128 × 512", "lstm paper: recurrent product, one step", 256, 128, 512, 1, 0.5, 40),
        };
        var rows = new[]
        {
            new ThroughputResult("lstm paper", "lstm-e128-h128", 256, 100, 1, 250, 1e5, 20, 60, 50, 5e5, 100),
            new ThroughputResult("lstm paper", "lstm-e128-h128", 256, 100, 2, 200, 1e5, 20, 80, 40, 6e5, 120),
        };
        var memory = new MemoryResult("lstm ci", "lstm-e16-h64", 32, 50, 1000, 100, 101, 0.01,
                                      new[] { new MemorySample(200, 100, 10), new MemorySample(999, 101, 10) });
        string md = BenchReport.ToMarkdown(new BenchDocument(machine, "quick", rows, Array.Empty<PrefixSearchResult>(), memory,
                                                             Array.Empty<FamilyResult>(), 1, roofline));
        Assert.Contains("| 256 × 128 × 512 | lstm paper: recurrent product, one step | 1 | 0.500 | 40.0 | 50 % |", md);
        Assert.Contains("| 60.0 | 75 % |", md);    // 1 thread: 60 of 80 GFLOP/s
        Assert.Contains("| 80.0 | 50 % |", md);    // 2 threads: 80 of 160
        Assert.Contains("| 120.0 | 75 % |", md);   // forward, 2 threads: 120 of 160
    }
}
