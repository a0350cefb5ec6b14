// TorchSharp 0.107 turns every double it passes to libtorch into a temporary Scalar with a finalizer, and reads its handle
// without GC.KeepAlive: `x.add(y)` (alpha = 1), `mul_(beta1)` in Adam. Once the handle is read the temporary is dead, so a
// garbage collection that another thread triggers during the native call lets the finalizer thread free the Scalar while
// libtorch still reads it. Two threads doing torch work beside a third that allocates fail within seconds: "Unknown scalar
// type", "Expected false to be true" (tests/.../FinalizerGateTests.cs, docs/performance.md). A .ci/run with two lanes hit it
// in PT-3, and a .ci/run with one torch thread (the LR smoke spec: the test runner's threads allocate too) failed in Adam.step.
// While lanes run (Lanes.Map), while a network trains (Trainer.Fit, per chunk of steps) and while it evaluates
// (Evaluator.PredictOnes, HardPrefixSearch.Score: a park per call outside the lanes, a counter inside), this gate parks the
// finalizer thread, so nothing TorchSharp created is freed under a running op; the objects found dead meanwhile are finalized
// when the last holder leaves.
// Cost: a holder must not call GC.WaitForPendingFinalizers (TorchSharp does so only when a tensor factory fails, before it
// throws; under a hold that failure would hang instead of throwing), and objects found dead wait in the finalizer queue: peak
// RSS of `run PT --scale ci` in two lanes 2.95 GB.
namespace TheoryCheck.Torch;

public static class FinalizerGate
{
    static readonly object Sync = new();
    static int holders;
    static ManualResetEventSlim open = new(true);

    /// <summary>Parks the finalizer thread until the returned handle (and every other holder's) is disposed.</summary>
    public static IDisposable Hold()
    {
        lock (Sync)
            if (holders++ == 0) Park();
        return new Holder();
    }

    static void Park()
    {
        open = new ManualResetEventSlim(false);
        using var parked = new ManualResetEventSlim(false);
        DropBlocker(open, parked);
        // The blocker is unreachable now: one collection queues it, and the finalizer thread reaches it after every
        // object queued before (all from finished calls, since no lane runs yet). From then on it is parked. A gen-0
        // collection finds it (it was just allocated) at a fraction of a full one's cost, which a hold per training
        // chunk and per Lanes.Map pays.
        do GC.Collect(0);
        while (!parked.Wait(10));
    }

    /// <summary>
    /// Runs <paramref name="action"/> with the finalizer thread free, then parks it again: for work that waits on finalizers
    /// (GC.WaitForPendingFinalizers, as the memory bench's readings do), which under a parked finalizer waits for ever. Only
    /// a sole holder between its torch calls may do this (a training step's callback, with no lane running beside it).
    /// </summary>
    /// <exception cref="InvalidOperationException">Another holder's torch calls may be running.</exception>
    public static void Unparked(Action action)
    {
        lock (Sync)
        {
            if (holders > 1) throw new InvalidOperationException($"the finalizer gate has {holders} holders: freeing the finalizer could free a Scalar under another holder's op");
            bool held = holders == 1;
            if (held) open.Set();
            try { action(); }
            finally { if (held) Park(); }
        }
    }

    /// <summary>Holders right now (tests).</summary>
    public static int Holders { get { lock (Sync) return holders; } }

    static void Leave()
    {
        lock (Sync)
            if (--holders == 0) open.Set();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static void DropBlocker(ManualResetEventSlim release, ManualResetEventSlim parked) => _ = new Blocker(release, parked);

    sealed class Blocker(ManualResetEventSlim release, ManualResetEventSlim parked)
    {
        ~Blocker()
        {
            parked.Set();
            release.Wait();
        }
    }

    sealed class Holder : IDisposable
    {
        int disposed;
        public void Dispose() { if (Interlocked.Exchange(ref disposed, 1) == 0) Leave(); }
    }
}

/// <summary>
/// The gate over a long loop of torch steps (Trainer.Fit, FullBatchGradientDescent.Fit): held while steps run, and let go and
/// taken again every <see cref="Steps"/> steps, so that when nothing else holds it the finalizer queue drains between chunks
/// and a run of hours on one lane does not queue every dead object until it ends.
/// </summary>
public sealed class GateByChunks : IDisposable
{
    /// <summary>Steps between two drains (a gen-0 collection each).</summary>
    public const int Steps = 256;
    IDisposable? held;

    /// <summary>Call before each step's torch work.</summary>
    public void AtStep(int step)
    {
        if (step % Steps != 0 && held is not null) return;
        held?.Dispose();
        held = FinalizerGate.Hold();
    }

    public void Dispose() { held?.Dispose(); held = null; }
}
