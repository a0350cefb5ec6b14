// Validated inputs of `bench`: where the JSON and markdown go, how many steps each figure times (--quick), and at which
// scale the claim families run. Everything is checked before any work, so bad input gets exit 2 and writes nothing.
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Cli.Bench;

/// <summary>Step counts of one bench. Every timed figure is the median of <paramref name="Timed"/> repetitions after
/// <paramref name="Warmup"/> untimed ones (the first steps pay for lazy allocation and kernel selection).</summary>
/// <param name="MemorySteps">Length of the memory-flatness training run (≥ <see cref="MemoryBaselineStep"/> + 1).</param>
public sealed record BenchPlan(string Name, int Warmup, int Timed, int MemorySteps)
{
    public static readonly BenchPlan Full = new("full", 3, 10, 10_000);
    public static readonly BenchPlan Quick = new("quick", 2, 4, 2_000);

    /// <summary>RSS is first read after this many steps, once Adam's state and the allocator's pools exist; growth after
    /// it would be a leak (measured: without dispose scopes RSS climbs for hundreds of steps).</summary>
    public const int MemoryBaselineStep = 200;
}

/// <param name="FamilyScale">Scale of the family wall-time runs; null = skip them.</param>
/// <param name="Peer">The peer stack to time beside ours ("pytorch"), or null.</param>
public sealed record BenchOptions(string JsonPath, string MarkdownPath, BenchPlan Plan, Scale? FamilyScale, string? Peer = null)
{
    public const string DefaultOut = "bench.json";

    /// <exception cref="BadInputException">Unknown --families or --peer, an --out that is a folder, ends in .md, or is not writable.</exception>
    public static BenchOptions Parse(string? outFile, bool quick, string families, string? peer = null)
    {
        string? peerKey = peer?.Trim().ToLowerInvariant();
        if (peerKey is not null && !PeerBench.Known.Contains(peerKey))
            throw new BadInputException($"unknown --peer '{peer}' (expected {string.Join(" or ", PeerBench.Known)})");
        Scale? scale = families.Trim().ToLowerInvariant() switch
        {
            "smoke" => Scale.Smoke,
            "ci" => Scale.Ci,
            "none" => null,
            _ => throw new BadInputException($"unknown --families '{families}' (expected smoke, ci or none)"),
        };
        string json = string.IsNullOrWhiteSpace(outFile) ? DefaultOut : outFile;
        if (Directory.Exists(json)) throw new BadInputException($"--out '{json}' is a folder; give a file name such as {DefaultOut}");
        string md = Path.ChangeExtension(json, ".md");
        if (string.Equals(Path.GetFullPath(md), Path.GetFullPath(json), StringComparison.Ordinal))
            throw new BadInputException($"--out '{json}' ends in .md, where the markdown table goes; give a .json name");
        ProbeWritable(Path.GetDirectoryName(Path.GetFullPath(json))!);
        return new BenchOptions(json, md, quick ? BenchPlan.Quick : BenchPlan.Full, scale, peerKey);
    }

    /// <summary>A bench runs for minutes: find an unwritable folder now rather than after the work. A folder this creates
    /// for the probe is removed again, so bad input leaves nothing behind.</summary>
    static void ProbeWritable(string dir)
    {
        bool created = !Directory.Exists(dir);
        try
        {
            Directory.CreateDirectory(dir);
            string probe = Path.Combine(dir, $".theorycheck-bench-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new BadInputException($"--out folder '{dir}' is not writable ({e.Message})");
        }
        finally
        {
            if (created && Directory.Exists(dir)) try { Directory.Delete(dir); } catch (IOException) { }
        }
    }
}
