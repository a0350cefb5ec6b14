// `bench --peer pytorch`: the same LSTM and Transformer training steps timed in PyTorch by scripts/peer_bench.py (shipped
// beside the tool), run with the system interpreter. What the ratio compares: whole stacks (PyTorch build and its BLAS
// against libtorch 2.10 through TorchSharp under our numeric policy), not only the bindings; Debian 12's python3-torch is
// PyTorch 1.13 with a generic BLAS. When the interpreter or its torch module is missing the bench says so in one line.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TheoryCheck.Cli.Bench;

/// <summary>One peer timing: the bench model and thread count it mirrors, PyTorch's median ms per step and its version.</summary>
public sealed record PeerResult(string Model, int Threads, double MsPerStep, string Torch);

/// <summary>The peer rows, or why there are none (<paramref name="Skipped"/>).</summary>
public sealed record PeerRun(string Peer, IReadOnlyList<PeerResult> Results, string? Skipped);

public static class PeerBench
{
    public const string Python = "/usr/bin/python3";
    public const string ScriptName = "peer_bench.py";

    /// <summary>The peers `--peer` accepts.</summary>
    public static readonly string[] Known = { "pytorch" };

    public static PeerRun Run(BenchPlan plan, Action<string> log)
    {
        string script = Path.Combine(AppContext.BaseDirectory, ScriptName);
        if (!File.Exists(Python)) return Skip(log, $"{Python} not found");
        if (!File.Exists(script)) return Skip(log, $"{script} missing from the tool's folder");
        var results = new List<PeerResult>();
        foreach (var b in BenchModel.All)
            foreach (int threads in ThroughputBench.ThreadCounts)
            {
                log($"peer pytorch: {b.Name} ({b.Config}, {b.Batch} × {b.Length}), {threads} thread(s)");
                var (result, error) = Invoke(script, b, threads, plan);
                if (result is null) return Skip(log, error!);
                results.Add(result);
            }
        return new PeerRun("pytorch", results, null);
    }

    static PeerRun Skip(Action<string> log, string why)
    {
        log($"peer pytorch skipped: {why} (install Debian's python3-torch for the peer column)");
        return new PeerRun("pytorch", Array.Empty<PeerResult>(), why);
    }

    static (PeerResult? Result, string? Error) Invoke(string script, BenchModel b, int threads, BenchPlan plan)
    {
        var c = b.Config;
        string args = string.Create(CultureInfo.InvariantCulture,
            $"\"{script}\" --arch {(c.Arch == Torch.Models.Architecture.Lstm ? "lstm" : "transformer")} --embedding {c.Embedding} --width {c.Width} --heads {c.Heads} " +
            $"--batch {b.Batch} --length {b.Length} --threads {threads} --warmup {plan.Warmup} --timed {plan.Timed}");
        var psi = new ProcessStartInfo(Python, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The same thread policy as ours, so neither side pays for spinning OpenMP threads the other does not.
        psi.Environment["OMP_WAIT_POLICY"] = Torch.TorchRuntime.WaitPolicy ?? "PASSIVE";
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        string last = stdout.Trim().Split('\n').LastOrDefault() ?? "";
        try
        {
            var doc = JsonDocument.Parse(last).RootElement;
            if (doc.TryGetProperty("error", out var error)) return (null, error.GetString() ?? "peer script failed");
            if (p.ExitCode != 0) return (null, $"peer script exited with {p.ExitCode}");
            return (new PeerResult(b.Name, threads, doc.GetProperty("msPerStep").GetDouble(), doc.GetProperty("torch").GetString() ?? "?"), null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"peer script exited with {p.ExitCode} and printed no result");
        }
    }
}
