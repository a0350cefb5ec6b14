// The reproducibility manifest of a run: tool, commit, versions, machine, scale, seed, device, threads, the selection and
// shard it ran, the models it trained or loaded (full config key + hash), and its wall time.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli.Reporting;

/// <param name="Selection">Every claim id the command selected, before sharding (shards of one run agree on it).</param>
/// <param name="Shard">"i/n" when this run is one shard, else null.</param>
/// <param name="MergedFrom">The shards a merged results.json was combined from.</param>
/// <param name="ResumedFrom">The earlier legs of a resumed run, oldest first, each "commit (started)": the claims and tuning runs
/// they finished are read back, not run again, so a run that spans commits says which.</param>
/// <param name="Target">--target (PT family), null = built-in targets. <paramref name="Pretrain"/>: --pretrain, null = Beta(1,1).</param>
/// <param name="Arch">--arch (PT family): lstm or transformer; null = both networks.</param>
/// <param name="Heap">How glibc's heap was set up (TorchRuntime.HeapPolicy): it moves wall time, never a value.</param>
/// <param name="ClaimsAssemblies">Users' claims assemblies loaded with --claims or theorycheck.json: name, version, module
/// version id (one per build) and path; null when only built-in claims were loaded.</param>
/// <param name="Models">Models trained or loaded by this process (MB family; P2 models are small and retrained per claim from its preset and case seed).</param>
public sealed record Manifest(
    string Tool, string Version, string Commit, bool Dirty, string Scale, int Seed, string Device, int Threads,
    string Torchsharp, string Libtorch, string Os, string Cpu, string Dotnet,
    string Command = "", string Started = "", IReadOnlyList<string>? Selection = null, string? Shard = null,
    IReadOnlyList<string>? MergedFrom = null, IReadOnlyList<ModelRecord>? Models = null, double WallSeconds = 0,
    string? Target = null, string? Pretrain = null, string? MklCbwr = null, string? VectorExtensions = null, string? AtenCpuCapability = null,
    string? Arch = null, string? Heap = null, IReadOnlyList<string>? ClaimsAssemblies = null, IReadOnlyList<string>? ResumedFrom = null,
    string? OnednnMaxCpuIsa = null)
{
    public const string ToolName = "theorycheck";

    public static Manifest Capture(Scale scale, int seed)
    {
        var asm = typeof(Manifest).Assembly;
        var informational = (asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+');
        string version = informational[0];
        // An installed tool runs away from its checkout: then the commit the SDK baked in at build time is all there is.
        string buildCommit = informational.Length > 1 ? informational[1] : "unknown";
        string root = asm.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value ?? ".";
        string libtorch = asm.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "LibTorchVersion")?.Value ?? "?";
        string? head = Git(root, "rev-parse HEAD");
        var (commit, dirty) = CommitOf(buildCommit, head, () => !string.IsNullOrWhiteSpace(Git(root, "status --porcelain --untracked-files=no")));
        string torchsharp = TorchRuntime.TorchSharpVersion;
        return new Manifest(ToolName, version, commit, dirty, scale.Name(), seed, TorchRuntime.DeviceName,
            TorchRuntime.Threads, torchsharp, libtorch, RuntimeInformation.OSDescription, CpuModel(),
            RuntimeInformation.FrameworkDescription,
            Command: string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            Started: DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            MklCbwr: TorchRuntime.MklCbwr, VectorExtensions: CpuVectorExtensions(), AtenCpuCapability: TorchRuntime.AtenCpuCapability,
            Heap: TorchRuntime.HeapPolicy, ClaimsAssemblies: LoadedClaimsAssemblies(), OnednnMaxCpuIsa: TorchRuntime.OnednnMaxCpuIsa);
    }

    /// <summary>
    /// The commit of the code that runs, and whether the checkout may hold other code. The build's own commit comes first: a
    /// binary copied aside for a long run (or one run after later commits) ran its build's code, not HEAD's; on 2026-12-03 a
    /// rerun from fa51c29's binary recorded the checkout's later HEAD. When HEAD has moved since the build, the checkout does
    /// not show the code that ran, so the run is marked dirty; at the build's commit, dirty is the working tree's state.
    /// </summary>
    public static (string Commit, bool Dirty) CommitOf(string buildCommit, string? head, Func<bool> treeDirty)
    {
        bool known = buildCommit.Length == 40 && buildCommit.All(Uri.IsHexDigit);
        if (!known) return (head ?? buildCommit, head != null && treeDirty());
        return (buildCommit, head != null && (!string.Equals(head, buildCommit, StringComparison.OrdinalIgnoreCase) || treeDirty()));
    }

    static IReadOnlyList<string>? LoadedClaimsAssemblies()
    {
        var loaded = TheoryCheck.Claims.Catalog.RegisteredFamilies.Select(f => f.GetType().Assembly).Distinct()
            .Select(a => $"{a.GetName().Name} {a.GetName().Version} mvid {a.ManifestModule.ModuleVersionId} ({Where(a.Location)})").ToArray();
        return loaded.Length == 0 ? null : loaded;
    }

    /// <summary>The assembly's path relative to the working folder when it lies inside it: the same build in another clone then
    /// records the same manifest, and rerun or diff name no difference that is only where the clone lives.</summary>
    static string Where(string location)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), location);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? location : relative.Replace('\\', '/');
    }

    /// <summary>The fields that can move a value across machines, for rerun/diff to name when they differ.</summary>
    public IEnumerable<(string What, string? Value)> NumericEnvironment() =>
        new[] { ("commit", (string?)Commit) }.Concat(NumericPolicy()).Concat(new[]
        {
            ("CPU", Cpu), ("vector extensions", VectorExtensions),
            ("claims assemblies", ClaimsAssemblies is null ? null : string.Join("; ", ClaimsAssemblies)),
        });

    /// <summary>The settings that choose the numerics on any CPU (NumericEnvironment without the commit, the machine and the
    /// claims builds): the legs of one resumed run must agree on them, or its claims would mix values from two policies.</summary>
    public IEnumerable<(string What, string? Value)> NumericPolicy() => new[]
    {
        ("torch threads", $"{Threads}"), ("torchsharp", Torchsharp), ("libtorch", Libtorch), ("device", Device),
        ("MKL_CBWR", MklCbwr), ("ATEN_CPU_CAPABILITY", AtenCpuCapability), ("ONEDNN_MAX_CPU_ISA", OnednnMaxCpuIsa),
    };

    /// <summary>Refuses (one line, exit 2) to resume the leg recorded in <paramref name="was"/> under <paramref name="now"/>'s
    /// policy when they differ: the finished claims or points are kept as they are, so another oneDNN ISA or thread count would
    /// leave one result with values that no single `rerun` reproduces (the paper PT run's first legs ran before the oneDNN pin,
    /// docs/reproducibility.md §9). Callers check before anything is written.</summary>
    public static void RequireSamePolicy(Manifest was, Manifest now, string path)
    {
        if (was.PolicyDifference(now) is { } differ)
            throw new BadInputException($"cannot resume: {path} ran under another numeric policy ({differ}); " +
                                        "resume with the same settings, or start afresh with --force");
    }

    /// <summary>The <see cref="NumericPolicy"/> fields in which <paramref name="other"/> differs from this, as "what this → other";
    /// null when they agree.</summary>
    public string? PolicyDifference(Manifest other)
    {
        // At paper scale the thread count defaults to the core count, so two machines differ there unless it is set.
        var differ = NumericPolicy().Zip(other.NumericPolicy()).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.What} {p.First.Value ?? "not recorded"} → {p.Second.Value ?? "not recorded"}" +
                         (p.First.What == "torch threads" ? $" (set THEORYCHECK_THREADS={p.First.Value} to match)" : "")).ToArray();
        return differ.Length == 0 ? null : string.Join(", ", differ);
    }

    /// <summary>The SIMD extensions MKL dispatches on (from /proc/cpuinfo flags), e.g. "avx2 avx512f fma": two CPUs with the same
    /// list and MKL_CBWR take the same kernels.</summary>
    public static string CpuVectorExtensions()
    {
        string[] known = { "sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16" };
        try
        {
            var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags")) : null;
            if (line is null) return "unknown";
            var flags = line.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            return string.Join(' ', known.Where(flags.Contains));
        }
        catch (IOException) { return "unknown"; }
    }

    static string CpuModel()
    {
        try
        {
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name")) : null;
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException) { return RuntimeInformation.ProcessArchitecture.ToString(); }
    }

    static string? Git(string dir, string args)
    {
        try
        {
            var psi = new ProcessStartInfo("git", $"-C \"{dir}\" {args}")
                { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return p.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException) { return null; }
    }
}
