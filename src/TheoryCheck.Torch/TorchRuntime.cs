// Runtime policy in one place: thread count, libgomp wait policy, MKL's reproducibility mode, device. Call Initialize()
// before any torch use.
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

    /// <summary>Independent jobs run side by side (<see cref="TheoryCheck.Torch.Lanes"/>): THEORYCHECK_LANES, else the cores
    /// left when each job uses <see cref="Threads"/> threads.</summary>
    public static int Lanes { get; private set; }

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

    /// <summary>MKL's conditional numerical reproducibility mode this process runs with (<see cref="DefaultMklCbwr"/> unless the
    /// user set another before start); null off Linux/macOS.</summary>
    public static string? MklCbwr => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? Marshal.PtrToStringAnsi(getenv("MKL_CBWR")) is { } v
            ? (v.Length == 0 ? "unset" : v) + (policyApplied && !PolicyPrecededLoad && !userChoseMkl ? " (set after libtorch loaded: not in effect)" : "")
            : null
        : null;

    static bool policyApplied, userChoseMkl;

    /// <summary>ATen's own vector kernels (elementwise ops, reductions, activations) this process runs with: avx2 by default,
    /// the user's ATEN_CPU_CAPABILITY if set; null off x86-64 or on a CPU without AVX2 (then ATen picks).</summary>
    public static string? AtenCpuCapability => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? Marshal.PtrToStringAnsi(getenv("ATEN_CPU_CAPABILITY")) : null;

    /// <summary>
    /// Why: besides MKL, libtorch dispatches its own kernels by the CPU's widest vector unit, so on one AVX-512 EPYC the
    /// avx512, avx2 and scalar kernels gave three different results for the same seed (smoke MB-1/PA-8/PA-3), and a CI
    /// machine without AVX-512 would train other weights than one with it. avx2 is what every x86-64 CI CPU of the last
    /// decade has (docs/reproducibility.md).
    /// </summary>
    public const string DefaultAtenCpuCapability = "avx2";

    /// <summary>The widest instruction set oneDNN (libtorch's LSTM kernels) may use: AVX2 by default, the user's
    /// ONEDNN_MAX_CPU_ISA if set; null off x86-64 or on a CPU without AVX2 (then oneDNN picks).</summary>
    public static string? OnednnMaxCpuIsa => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()
        ? Marshal.PtrToStringAnsi(getenv("ONEDNN_MAX_CPU_ISA")) : null;

    /// <summary>
    /// Why: neither MKL_CBWR nor ATEN_CPU_CAPABILITY reaches oneDNN, which runs the LSTM and picks its kernels by the CPU
    /// (`rnn,brgemm:avx512_core` on an AVX-512 EPYC, `brgemm:avx2` without AVX-512). On one AVX-512 EPYC, PT-4 at smoke,
    /// seed 1 measured simplex − hard 1.024 (a fail: its control within noise) by default and 1.51 (its declared finding,
    /// as on the CPU its expectation was recorded on) under AVX2. Cost: the ci LSTM's tuning runs take 1.6× as long
    /// (docs/reproducibility.md#9-onednn-the-lstms-kernels).
    /// </summary>
    public const string DefaultOnednnMaxCpuIsa = "AVX2";

    /// <summary>The numeric policy in one line, part of every cached model's key: a model trained under another policy is
    /// another artifact, so a warm cache can never differ from a cold one.</summary>
    public static string NumericPolicy => $"mkl_cbwr={MklCbwr ?? "n/a"};aten={AtenCpuCapability ?? "auto"};onednn={OnednnMaxCpuIsa ?? "auto"}";

    /// <summary>
    /// Why a default at all: without MKL_CBWR, libtorch's MKL picks kernels by the alignment of each buffer on AVX-512 AMD
    /// EPYC, so two runs of the same seed in one process differed in the last bits (PA-3, shard merge). MKL documents that
    /// AVX2/AVX512 fall back to AUTO on non-Intel CPUs, so only COMPATIBLE can make an AMD and an Intel CPU take the same
    /// code path. Measured cost in docs/reproducibility.md.
    /// </summary>
    public const string DefaultMklCbwr = "COMPATIBLE";

    /// <summary>True when the policy variables were set before libtorch was mapped into the process (they are read once, at load).</summary>
    public static bool PolicyPrecededLoad { get; private set; }

    /// <summary>
    /// Sets OMP_WAIT_POLICY=PASSIVE before libtorch loads (libgomp spin-waits otherwise: 4-40x slowdowns next to another
    /// busy process; README "Scales, seeds, devices, threads"), and MKL_CBWR (docs/reproducibility.md), then the thread count and device.
    /// Overrides: THEORYCHECK_THREADS (default <paramref name="defaultThreads"/>), THEORYCHECK_DEVICE (auto | cpu | cuda).
    /// Why 1 thread by default: the smoke/ci models are small, so a second OpenMP thread costs more in wake-ups than it gains.
    /// Measured on the 2-core CI machine (ci LSTM, batch 128 × 50, Adam step, PASSIVE): idle 16-17 ms/step with 1 thread vs
    /// 31-34 ms with 2; next to one busy process 20 ms vs 29 ms. Full-batch GD of the P2 models: 1.2 s vs 52 s next to a busy
    /// process. Paper-width models gain from every core (bench, idle: LSTM-128 at 256 × 100 269 → 253 ms/step, Transformer-128
    /// 600 → 483 ms; docs/performance.md), so the CLI asks for all cores at paper scale. The first call decides.
    /// </summary>
    public static void Initialize(int defaultThreads = 1)
    {
        lock (Gate)
        {
            if (initialised) return;
            // Validate every variable first: a bad value must not leave a half-initialised runtime behind.
            int? threads = ParseThreads(Environment.GetEnvironmentVariable("THEORYCHECK_THREADS"));
            int? lanes = ParsePositive("THEORYCHECK_LANES", Environment.GetEnvironmentVariable("THEORYCHECK_LANES"), "a positive integer (jobs side by side)");
            ValidateMklCbwr(Environment.GetEnvironmentVariable("MKL_CBWR"));
            string wantDevice = DeviceChoice(Environment.GetEnvironmentVariable("THEORYCHECK_DEVICE"));
            ApplyNativePolicy();
            Threads = threads ?? Math.Max(1, defaultThreads);
            if (Threads == 1 && !HeapUsesHugePages) KeepLargeBuffersInHeap();
            torch.set_num_threads(Threads);
            // One lane per core left over; the lanes park the finalizer while they run (FinalizerGate has the race that needs it).
            Lanes = lanes ?? Math.Max(1, Environment.ProcessorCount / Threads);
            device = PickDevice(wantDevice);
            initialised = true;
        }
    }

    /// <summary>
    /// Sets OMP_WAIT_POLICY, MKL_CBWR and ATEN_CPU_CAPABILITY through libc (unless the user set them) without touching torch. Initialize calls
    /// it; a test assembly calls it from a module initializer, so no test can load libtorch before the policy is in place.
    /// Environment.SetEnvironmentVariable does not reach libgomp's or MKL's getenv; libc setenv does, if it runs before load.
    /// </summary>
    public static void ApplyNativePolicy()
    {
        lock (Gate)
        {
            if (policyApplied) return;
            ValidateMklCbwr(Environment.GetEnvironmentVariable("MKL_CBWR"));
            ValidateAten(Environment.GetEnvironmentVariable("ATEN_CPU_CAPABILITY"));
            ValidateOnednn(Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA"));
            userChoseMkl = Environment.GetEnvironmentVariable("MKL_CBWR") is not null;
            PolicyPrecededLoad = !LibtorchMapped();
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
                setenv("MKL_CBWR", DefaultMklCbwr, 0);
                if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
                {
                    setenv("ATEN_CPU_CAPABILITY", DefaultAtenCpuCapability, 0);
                    setenv("ONEDNN_MAX_CPU_ISA", DefaultOnednnMaxCpuIsa, 0);
                }
            }
            policyApplied = true;
        }
    }

    static int? ParseThreads(string? value) => ParsePositive("THEORYCHECK_THREADS", value, "a positive integer (torch threads)");

    static int? ParsePositive(string name, string? value, string expected)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n)
            || n < 1 || n > 1024)
            throw new EnvironmentVariableException(name, value, expected);
        return n;
    }

    /// <summary>MKL's documented branches (with an optional ",STRICT"); MKL ignores anything else silently, which would make the
    /// recorded mode a lie.</summary>
    static readonly string[] MklBranches =
        { "AUTO", "COMPATIBLE", "SSE2", "SSE3", "SSSE3", "SSE4_1", "SSE4_2", "AVX", "AVX2", "AVX512", "AVX512_E1", "AVX512_E2", "AVX512_E3", "AVX512_E4", "AVX512_E5", "AVX512_MIC", "AVX512_MIC_E1" };

    static void ValidateMklCbwr(string? value)
    {
        if (value is null or "") return;   // empty: the user asks for MKL's own default (no reproducibility mode)
        var parts = value.Split(',');
        if (!MklBranches.Contains(parts[0]) || parts.Length > 2 || (parts.Length == 2 && parts[1] != "STRICT"))
            throw new EnvironmentVariableException("MKL_CBWR", value, "one of " + string.Join(", ", MklBranches) + " (optionally followed by ',STRICT')");
    }

    static void ValidateAten(string? value)
    {
        if (value is null or "") return;
        if (value is not ("default" or "avx2" or "avx512" or "zvector" or "vsx" or "sve256"))
            throw new EnvironmentVariableException("ATEN_CPU_CAPABILITY", value, "default, avx2 or avx512 (x86-64)");
    }

    /// <summary>oneDNN's documented values; it ignores anything else silently, which would make the recorded ISA a lie.</summary>
    static readonly string[] OnednnIsas =
        { "ALL", "DEFAULT", "SSE41", "AVX", "AVX2", "AVX2_VNNI", "AVX2_VNNI_2", "AVX512_CORE", "AVX512_CORE_VNNI", "AVX512_CORE_BF16",
          "AVX10_1_512", "AVX512_CORE_FP16", "AVX10_1_512_AMX", "AVX512_CORE_AMX", "AVX10_1_512_AMX_FP16", "AVX512_CORE_AMX_FP16" };

    static void ValidateOnednn(string? value)
    {
        if (value is null or "") return;
        if (!OnednnIsas.Contains(value.ToUpperInvariant()))
            throw new EnvironmentVariableException("ONEDNN_MAX_CPU_ISA", value, "one of " + string.Join(", ", OnednnIsas));
    }

    /// <summary>Whether libtorch is already mapped (someone touched torch before Initialize): then the policy comes too late.</summary>
    static bool LibtorchMapped()
    {
        try { return File.Exists("/proc/self/maps") && File.ReadLines("/proc/self/maps").Any(l => l.Contains("libtorch_cpu")); }
        catch (IOException) { return false; }
    }

    static string DeviceChoice(string? value)
    {
        string want = string.IsNullOrWhiteSpace(value) ? "auto" : value.Trim().ToLowerInvariant();
        return want is "auto" or "cpu" or "cuda" ? want
            : throw new EnvironmentVariableException("THEORYCHECK_DEVICE", value!, "auto, cpu or cuda");
    }

    static torch.Device PickDevice(string want)
    {
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
            "cuda" => throw new EnvironmentVariableException("THEORYCHECK_DEVICE", "cuda",
                "auto or cpu: this build has no usable CUDA (build with -p:TorchDevice=cuda on a GPU machine)"),
            _ => cudaBuilt && torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        };
    }

    /// <summary>TorchSharp's assembly version (major.minor.patch), for run manifests.</summary>
    public static string TorchSharpVersion => typeof(torch).Assembly.GetName().Version?.ToString(3) ?? "?";

    static readonly object InitLock = new();

    /// <summary>
    /// Runs <paramref name="create"/> with torch's global RNG seeded to <paramref name="seed"/>. Module constructors draw their
    /// initial weights from that global RNG, so every model creation in the process takes this one lock: two locks would let
    /// one creation draw from the RNG between another's seeding and its draws.
    /// </summary>
    public static T SeededInit<T>(ulong seed, Func<T> create)
    {
        lock (InitLock)
        {
            torch.manual_seed((long)seed);
            return create();
        }
    }

    /// <summary>Runs an unseeded creation that still draws from the global RNG under the same lock as <see cref="SeededInit"/>,
    /// so it cannot shift a seeded creation's draws.</summary>
    public static T UnseededInit<T>(Func<T> create)
    {
        lock (InitLock) return create();
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

    /// <summary>
    /// The glibc tunable every entry point starts its process with (the CLI relaunches itself, the test hosts get it from
    /// tests.runsettings): glibc backs its heap and its mmapped chunks with transparent huge pages, so libtorch's per-step
    /// buffers cost one page fault per 2 MB instead of per 4 KB. Tunables are read once, when the process starts; setting it
    /// later does nothing. Measured (ci LSTM meta-training, 2-core AMD EPYC VM, 3-4 runs each): with it and glibc's default
    /// heap 12.5 ms/step every run at 250 MB RSS; with <see cref="KeepLargeBuffersInHeap"/> alone either 11 ms/step or, in
    /// about half the runs, 45 ms/step with RSS swinging 0.3-2 GB (61 MB in use, the rest freed but never reused);
    /// glibc's default alone 37 ms/step (docs/performance.md, *Heap*).
    /// </summary>
    public const string HeapTunable = "glibc.malloc.hugetlb=1";

    /// <summary>Whether this process started with <see cref="HeapTunable"/> (or another hugetlb setting the user chose).</summary>
    public static bool HeapUsesHugePages =>
        OperatingSystem.IsLinux() && (Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc.hugetlb=", StringComparison.Ordinal);

    /// <summary>The heap set-up of this process, for the manifest: it changes speed and memory, never a value.</summary>
    public static string HeapPolicy =>
        !OperatingSystem.IsLinux() ? "platform default"
        : HeapUsesHugePages ? $"GLIBC_TUNABLES={Environment.GetEnvironmentVariable("GLIBC_TUNABLES")}"
        : malloptFallbackApplied ? "mallopt fallback (no mmap, no trim, one arena)"
        : "glibc default";

    static bool malloptFallbackApplied;

    /// <summary>
    /// The fallback for a process started without <see cref="HeapTunable"/> (a host we do not launch).
    /// Stops glibc from serving big buffers with fresh mmaps and from trimming the heap top on every free: by default each
    /// libtorch buffer over the (dynamic, ≤ 32 MB) mmap threshold comes back as new zero pages, and page faults then dominate.
    /// Measured (2-core CI machine, 60 tuning steps, back to back): an LSTM-64 prefix batch of 192 rows took 10.5 s with the
    /// default (oneDNN's RNN workspace) and 1.5 s with this; 64 rows 0.6 s either way. <see cref="ReleaseFreedMemory"/> still
    /// hands free pages back. Skipped when the user set any MALLOC_* tunable (the bench compares them); a no-op off glibc.
    /// Only with one torch thread (smoke, ci), where RSS stayed within +1.6 % over 2,000 steps: with two OpenMP threads, paper-scale
    /// meta-training of the LSTM grew RSS by about 60 MB a step (6-12 GB after a few hundred steps) and slowed to ~400 ms a
    /// step, so paper runs keep glibc's default (docs/performance.md).
    /// </summary>
    static void KeepLargeBuffersInHeap()
    {
        if (!OperatingSystem.IsLinux()) return;
        if (Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(k => k.StartsWith("MALLOC_", StringComparison.Ordinal))) return;
        try
        {
            mallopt(MallocTrimThreshold, int.MaxValue);
            mallopt(MallocMmapMax, 0);
            // One arena for every thread: with a per-thread arena each, two lanes meta-training side by side (a cold cache)
            // grew RSS by about 100 MB a second. One arena made that rarer, not gone (an OOM kill at 24.3 GB later): the growth
            // is this policy's own (docs/performance.md, *Heap*), which is why it is only the fallback for HeapTunable.
            mallopt(MallocArenaMax, 1);
            malloptFallbackApplied = true;
        }
        catch (EntryPointNotFoundException) { }   // musl and other libcs without mallopt
    }

    const int MallocTrimThreshold = -1, MallocMmapMax = -4, MallocArenaMax = -8;   // glibc's M_TRIM_THRESHOLD, M_MMAP_MAX, M_ARENA_MAX

    [DllImport("libc")]
    static extern int mallopt(int param, int value);

    [DllImport("libc")]
    static extern int malloc_trim(UIntPtr pad);

    [DllImport("libc")]
    static extern IntPtr getenv(string name);

    [DllImport("libc", SetLastError = true)]
    static extern int setenv(string name, string value, int overwrite);
}
