// glibc reads its tunables once, when a process starts, so the heap setting TorchRuntime.HeapTunable describes cannot be
// switched on from inside: the CLI starts itself once more with it in GLIBC_TUNABLES and passes the child's exit code on.
// The child inherits stdin, stdout and stderr, so output, progress and exit codes are the child's own. A user who set a
// hugetlb tunable, or THEORYCHECK_RELAUNCH=0, keeps the process they started (TorchRuntime then falls back to its mallopt
// policy). Test hosts get the tunable from tests.runsettings instead, and the CLI processes they start inherit it.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli;

static class HeapRelaunch
{
    const string Marker = "THEORYCHECK_RELAUNCHED";

    /// <summary>The child's exit code when this process relaunched itself; null when it should run the command itself.</summary>
    public static int? Run(string[] args)
    {
        if (!OperatingSystem.IsLinux() || TorchRuntime.HeapUsesHugePages) return null;
        if (Environment.GetEnvironmentVariable(Marker) is not null) return null;          // a relaunched child never relaunches
        if (Environment.GetEnvironmentVariable("THEORYCHECK_RELAUNCH") == "0") return null;
        if (Start(args) is not { } child) return null;                                      // could not start: run here
        using (child)
        {
            // Ctrl-C reaches the whole process group, so the child gets it itself; a signal sent to this process alone is
            // passed on. Either way this process waits for the child and exits with its code.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; Forward(child, ctx.Signal); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; Forward(child, ctx.Signal); });
            using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, ctx => { ctx.Cancel = true; Forward(child, ctx.Signal); });
            child.WaitForExit();
            return child.ExitCode;
        }
    }

    /// <summary>In a relaunched child: end with the parent, so a parent killed outright (SIGKILL) leaves no training behind.</summary>
    public static void EndWithParent()
    {
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Marker) is not null)
            try { prctl(PrSetPdeathsig, 15); }
            catch (EntryPointNotFoundException) { }
    }

    static Process? Start(string[] args)
    {
        var host = Environment.ProcessPath;
        if (host is null) return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Run as `dotnet theorycheck.dll …`: the host needs the assembly again; as the apphost it does not.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } dll)
            start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        var tunables = Environment.GetEnvironmentVariable("GLIBC_TUNABLES");
        start.Environment["GLIBC_TUNABLES"] = string.IsNullOrEmpty(tunables) ? TorchRuntime.HeapTunable : $"{tunables}:{TorchRuntime.HeapTunable}";
        start.Environment[Marker] = "1";
        try { return Process.Start(start); }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException) { return null; }
    }

    static void Forward(Process child, PosixSignal signal)
    {
        int number = signal switch { PosixSignal.SIGINT => 2, PosixSignal.SIGTERM => 15, PosixSignal.SIGHUP => 1, _ => 15 };
        try { if (!child.HasExited) kill(child.Id, number); }
        catch (InvalidOperationException) { }   // already gone
    }

    const int PrSetPdeathsig = 1;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int sig);

    [DllImport("libc", SetLastError = true)]
    static extern int prctl(int option, ulong arg2);
}
