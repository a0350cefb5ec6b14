// `theorycheck bench`: times training, forward passes, HardPT search, memory over a long run and the claim families on
// this machine; writes FILE (JSON) and FILE.md, prints the markdown. No timing is asserted anywhere: these are numbers to
// record and compare, and a shared machine moves them.
using System.Diagnostics;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli.Bench;

public static class BenchCommand
{
    public static int Run(string? outFile, bool quick, string families, TextWriter stdout, TextWriter stderr, string? peer = null)
    {
        var o = BenchOptions.Parse(outFile, quick, families, peer);
        TorchRuntime.Initialize();
        var clock = Stopwatch.StartNew();
        void Log(string line) => stderr.WriteLine($"bench [{clock.Elapsed.TotalSeconds,6:0.0} s] {line}");

        // Memory first: its RSS should be the small LSTM's own, not the allocator pools the paper-size models leave behind.
        var memory = MemoryBench.Run(o.Plan, Log);
        var roofline = RooflineBench.Run(o.Plan, Log);
        var throughput = ThroughputBench.Run(o.Plan, Log);
        var prefix = PrefixSearchBench.Run(o.Plan, Log);
        var peerRun = o.Peer is null ? null : PeerBench.Run(o.Plan, Log);
        var familyResults = o.FamilyScale is { } scale ? FamilyBench.Run(scale, Log) : Array.Empty<FamilyResult>();

        var doc = new BenchDocument(BenchMachine.Capture(), o.Plan.Name, throughput, prefix, memory, familyResults,
                                    Math.Round(clock.Elapsed.TotalSeconds, 1), roofline, peerRun);
        string md = BenchReport.ToMarkdown(doc);
        stderr.WriteLine($"wrote {AtomicFile.WriteText(o.JsonPath, BenchReport.ToJson(doc))}");
        stderr.WriteLine($"wrote {AtomicFile.WriteText(o.MarkdownPath, md)}");
        stdout.Write(md);
        return Commands.Ok;
    }
}
