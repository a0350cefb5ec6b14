// The reproducibility manifest of a run: tool, commit, versions, machine, scale, seed, device, threads.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch;

namespace TheoryCheck.Claims.Reporting;

public sealed record Manifest(
    string Tool, string Version, string Commit, bool Dirty, string Scale, int Seed, string Device, int Threads,
    string Torchsharp, string Libtorch, string Os, string Cpu, string Dotnet)
{
    public static Manifest Capture(Scale scale, int seed)
    {
        var asm = typeof(Manifest).Assembly;
        string version = asm.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        string root = asm.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value ?? ".";
        string libtorch = asm.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "LibTorchVersion")?.Value ?? "?";
        string commit = Git(root, "rev-parse HEAD") ?? "unknown";
        bool dirty = !string.IsNullOrWhiteSpace(Git(root, "status --porcelain --untracked-files=no"));
        string torchsharp = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "?";
        return new Manifest("theorycheck", version, commit, dirty, scale.Name(), seed, TorchRuntime.DeviceName,
            TorchRuntime.Threads, torchsharp, libtorch, RuntimeInformation.OSDescription, CpuModel(),
            RuntimeInformation.FrameworkDescription);
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
