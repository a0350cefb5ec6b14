// bench.json (machine + every figure) and its markdown rendering, printed and written beside it as FILE.md.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Cli.Reporting;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli.Bench;

/// <summary>The machine a bench ran on: the run manifest's fields that bear on speed.</summary>
/// <param name="Threads">The runtime's default torch threads (THEORYCHECK_THREADS); the throughput rows set their own.</param>
/// <param name="MallocMmapThreshold">MALLOC_MMAP_THRESHOLD_ when set: a fixed threshold stops glibc from keeping freed
/// libtorch buffers, which changes both the memory figure and step times (docs/performance.md).</param>
public sealed record BenchMachine(string Tool, string Version, string Commit, bool Dirty, string Device, int Threads,
                                  int LogicalCores, string? OmpWaitPolicy, string? MallocMmapThreshold, string Torchsharp, string Libtorch, string Os,
                                  string Cpu, string Dotnet, string Command, string Started, string? MklCbwr = null, string? VectorExtensions = null, string? AtenCpuCapability = null)
{
    public static BenchMachine Capture()
    {
        var m = Manifest.Capture(Scale.Ci, seed: 1);
        return new BenchMachine(m.Tool, m.Version, m.Commit, m.Dirty, m.Device, m.Threads, Environment.ProcessorCount,
                                TorchRuntime.WaitPolicy, Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_"), m.Torchsharp, m.Libtorch, m.Os, m.Cpu, m.Dotnet, m.Command, m.Started,
                                m.MklCbwr, m.VectorExtensions, m.AtenCpuCapability);
    }
}

public sealed record BenchDocument(BenchMachine Machine, string Plan, IReadOnlyList<ThroughputResult> Throughput,
                                   IReadOnlyList<PrefixSearchResult> PrefixSearch, MemoryResult Memory,
                                   IReadOnlyList<FamilyResult> Families, double WallSeconds,
                                   IReadOnlyList<MatmulResult>? Roofline = null, PeerRun? Peer = null);

public static class BenchReport
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(BenchDocument doc) => JsonSerializer.Serialize(doc, Json);

    public static string ToMarkdown(BenchDocument d)
    {
        var m = d.Machine;
        var sb = new StringBuilder();
        sb.Append(Inv($"Bench ({d.Plan}) on {m.Cpu}, {m.LogicalCores} logical cores, device {m.Device}, MKL_CBWR {m.MklCbwr ?? "n/a"}, ATEN_CPU_CAPABILITY {m.AtenCpuCapability ?? "auto"}, vector extensions {m.VectorExtensions}, commit {m.Commit[..Math.Min(8, m.Commit.Length)]}{(m.Dirty ? " (dirty)" : "")}; wall {d.WallSeconds:0} s.\n\n"));
        var roofline = d.Roofline ?? Array.Empty<MatmulResult>();
        if (roofline.Count > 0)
        {
            sb.Append("| fp32 matmul (M × K × N) | what it is | threads | ms/product | GFLOP/s | % of reference |\n|:--|:--|--:|--:|--:|--:|\n");
            foreach (var r in roofline)
                sb.Append(Inv($"| {r.Shape} | {r.Purpose} | {r.Threads} | {r.MsPerProduct:0.000} | {r.GflopPerSecond:0.0} | {Percent(r.GflopPerSecond, RooflineBench.ReferenceRate(roofline, r.Threads))} |\n"));
            sb.Append("\n");
        }
        bool peer = d.Peer is { Results.Count: > 0 };
        sb.Append("| model | batch × length | threads | train ms/step | train tokens/s | GFLOP/step (est.) | train GFLOP/s | train % of matmul peak | forward tokens/s | forward GFLOP/s | forward % of matmul peak |");
        sb.Append(peer ? $" {d.Peer!.Peer} ms/step | {d.Peer.Peer} / ours |\n" : "\n");
        sb.Append("|:--|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|" + (peer ? "--:|--:|\n" : "\n"));
        foreach (var r in d.Throughput)
        {
            double? peak = RooflineBench.ReferenceRate(roofline, r.Threads);
            sb.Append(Inv($"| {r.Model} ({r.Config}) | {r.Batch} × {r.Length} | {r.Threads} | {r.TrainMsPerStep:0.0} | {r.TrainTokensPerSecond:N0} | {r.TrainGflopPerStep:0.00} | {r.TrainGflopPerSecond:0.0} | {Percent(r.TrainGflopPerSecond, peak)} | {r.ForwardTokensPerSecond:N0} | {r.ForwardGflopPerSecond:0.0} | {Percent(r.ForwardGflopPerSecond, peak)} |"));
            var other = d.Peer?.Results.FirstOrDefault(p => p.Model == r.Model && p.Threads == r.Threads);
            sb.Append(!peer ? "\n" : other is null ? " n/a | n/a |\n" : Inv($" {other.MsPerStep:0.0} | {other.MsPerStep / r.TrainMsPerStep:0.00}× |\n"));
        }
        if (d.Peer is { Skipped: { } why }) sb.Append($"\nPeer {d.Peer.Peer}: not timed ({why}).\n");
        else if (peer) sb.Append(Inv($"\nPeer: PyTorch {d.Peer!.Results[0].Torch} through {PeerBench.Python}, the same shapes, Adam, clip 1.0 and thread counts; the ratio compares whole stacks (build, BLAS, bindings), not bindings alone.\n"));
        sb.Append("\n| HardPT exhaustive search | prefixes | sequences × length | threads | s/search | prefixes/s |\n|:--|--:|--:|--:|--:|--:|\n");
        foreach (var r in d.PrefixSearch)
            sb.Append(Inv($"| {r.Model} ({r.Config}), L = {r.PrefixLength} | {r.Prefixes} | {r.Sequences} × {r.Length} | {r.Threads} | {r.SecondsPerSearch:0.000} | {r.PrefixesPerSecond:0.0} |\n"));
        var mem = d.Memory;
        sb.Append($"\n| memory: training run | steps | RSS @ step {mem.Samples[0].Step} | RSS @ step {mem.Samples[^1].Step} | change | peak | .NET heap @ last |\n|:--|--:|--:|--:|--:|--:|--:|\n");
        sb.Append(Inv($"| {mem.Model} ({mem.Config}), {mem.Batch} × {mem.Length} | {mem.Steps:N0} | {mem.BaselineMiB:0} MiB | {mem.FinalMiB:0} MiB | {mem.RelativeChange * 100:+0.0;-0.0} % | {mem.Samples.Max(x => x.RssMiB):0} MiB | {mem.Samples[^1].ManagedMiB:0} MiB |\n"));
        if (d.Families.Count > 0)
        {
            sb.Append("\n| family | scale | claims | verdicts | models trained / from cache | seconds |\n|:--|:--|--:|:--|--:|--:|\n");
            foreach (var f in d.Families)
                sb.Append(Inv($"| {f.Family} | {f.Scale} | {f.Claims} | {f.Verdicts} | {f.ModelsTrained} / {f.ModelsFromCache} | {f.Seconds:0.0} |\n"));
        }
        return sb.ToString();
    }

    /// <summary>A rate as a share of the reference matmul rate at the same thread count; "n/a" when that was not timed.</summary>
    static string Percent(double rate, double? reference) =>
        reference is > 0 ? Inv($"{100 * rate / reference.Value:0} %") : "n/a";

    static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
