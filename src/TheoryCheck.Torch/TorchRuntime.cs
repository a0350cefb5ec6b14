// Runtime policy in one place: thread count, libgomp wait policy, device. Call Initialize() before any torch use.
using System.Runtime.InteropServices;
using TorchSharp;

namespace TheoryCheck.Torch;

/// <summary>Process-wide torch settings. Idempotent; every entry point (CLI, specs, tests) calls <see cref="Initialize"/>.</summary>
public static class TorchRuntime
{
    static readonly object Gate = new();
    static bool initialised;

    /// <summary>Torch intra-op threads in use.</summary>
    public static int Threads { get; private set; }

    static torch.Device? device;

    /// <summary>The device models and data live on: CPU unless built with -p:TorchDevice=cuda and a GPU is present.</summary>
    /// <remarks>No static initialiser may touch torch: that would load libgomp before OMP_WAIT_POLICY is set.</remarks>
    public static torch.Device Device
    {
        get { Initialize(); return device!; }
    }

    public static string DeviceName => Device.type == DeviceType.CUDA ? "cuda" : "cpu";

    /// <summary>The libgomp wait policy this process runs with (PASSIVE unless the user set another before start).</summary>
    public static string? WaitPolicy => Marshal.PtrToStringAnsi(getenv("OMP_WAIT_POLICY"));

    /// <summary>
    /// Sets OMP_WAIT_POLICY=PASSIVE before libtorch loads (libgomp spin-waits otherwise: 4-40x slowdowns next to another
    /// busy process, stack.md §2), then the thread count and device.
    /// Overrides: THEORYCHECK_THREADS (default <paramref name="defaultThreads"/>), THEORYCHECK_DEVICE (auto | cpu | cuda).
    /// Why 1 thread by default: the smoke/ci models are small, so a second OpenMP thread costs more in wake-ups than it gains.
    /// Measured on the 2-core CI machine (ci LSTM, batch 128 × 50, Adam step, PASSIVE): idle 16-17 ms/step with 1 thread vs
    /// 31-34 ms with 2; next to one busy process 20 ms vs 29 ms. Full-batch GD of the P2 models: 1.2 s vs 52 s next to a busy
    /// process. Paper-width models gain from every core (bench, idle: LSTM-128 at 256 × 100 349 → 261 ms/step, Transformer-128
    /// 724 → 426 ms), so the CLI asks for all cores at paper scale. The first call decides.
    /// </summary>
    public static void Initialize(int defaultThreads = 1)
    {
        lock (Gate)
        {
            if (initialised) return;
            // Environment.SetEnvironmentVariable does not reach libgomp's getenv; libc setenv does, if it runs before load.
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
                setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            Threads = ParseThreads(Environment.GetEnvironmentVariable("THEORYCHECK_THREADS")) ?? Math.Max(1, defaultThreads);
            torch.set_num_threads(Threads);
            device = PickDevice(Environment.GetEnvironmentVariable("THEORYCHECK_DEVICE"));
            initialised = true;
        }
    }

    static int? ParseThreads(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, out int n) || n < 1)
            throw new ArgumentException($"THEORYCHECK_THREADS must be a positive integer, got '{value}'");
        return n;
    }

    static torch.Device PickDevice(string? value)
    {
        string want = string.IsNullOrWhiteSpace(value) ? "auto" : value.Trim().ToLowerInvariant();
        bool cudaBuilt =
#if TORCH_CUDA
            true;
#else
            false;
#endif
        return want switch
        {
            "cpu" => torch.CPU,
            "cuda" when cudaBuilt && torch.cuda.is_available() => torch.CUDA,
            "cuda" => throw new ArgumentException(
                "THEORYCHECK_DEVICE=cuda but this build has no usable CUDA (build with -p:TorchDevice=cuda on a GPU machine)"),
            "auto" => cudaBuilt && torch.cuda.is_available() ? torch.CUDA : torch.CPU,
            _ => throw new ArgumentException($"THEORYCHECK_DEVICE must be auto, cpu or cuda, got '{value}'"),
        };
    }

    /// <summary>
    /// Hands memory glibc keeps after libtorch frees its buffers back to the OS (malloc_trim). Without it RSS of a long training
    /// run drifted up by 58 % over 10,000 steps (bench) although nothing leaked; MALLOC_MMAP_THRESHOLD_ also flattened it but
    /// slowed small steps by 1.7-2.4×. A no-op off glibc.
    /// </summary>
    public static void ReleaseFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { malloc_trim(UIntPtr.Zero); }
        catch (EntryPointNotFoundException) { }   // musl and other libcs without malloc_trim
    }

    [DllImport("libc")]
    static extern int malloc_trim(UIntPtr pad);

    [DllImport("libc")]
    static extern IntPtr getenv(string name);

    [DllImport("libc", SetLastError = true)]
    static extern int setenv(string name, string value, int overwrite);
}
