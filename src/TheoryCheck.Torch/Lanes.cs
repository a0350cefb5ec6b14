// Independent torch jobs (tuning runs, claim cases) side by side: one lane per core while every job runs on one intra-op
// thread. Each job draws only from its own generators (module init takes TorchRuntime's lock), so a result never depends on
// the lane count or on which job ran first; the lane count changes wall time only.
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace TheoryCheck.Torch;

public static class Lanes
{
    /// <summary>
    /// Jobs run at once: THEORYCHECK_LANES, else one per core left over by the torch threads.
    /// Measured on the 2-core CI machine: PT-7 and PT-6 in two processes side by side 23.2 s against
    /// 39.9 s one after the other (1.72×), the same values.
    /// </summary>
    public static int Count
    {
        get
        {
            TorchRuntime.Initialize();
            return TorchRuntime.Lanes;
        }
    }

    /// <summary>f over <paramref name="items"/> in up to <see cref="Count"/> lanes; results in item order. Every item runs even
    /// when one throws; then the lowest-indexed exception is rethrown, as a loop in order would have thrown it.</summary>
    public static TOut[] Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> f)
    {
        var results = new TOut[items.Count];
        var errors = new Exception?[items.Count];
        // Torch work needs the finalizer parked even on one lane: any thread's allocation (a test runner's, the progress
        // line's) can trigger the collection that frees a Scalar under a running op (FinalizerGate). A .ci/run failed the
        // LR smoke spec's one case in Adam.step this way. Not with one lane for the whole process (paper scale): a map that
        // runs for hours would queue every dead object meanwhile; Trainer.Fit holds the gate per chunk of steps instead.
        using var gate = Count > 1 ? FinalizerGate.Hold() : null;
        if (Count <= 1 || items.Count <= 1)
            for (int i = 0; i < items.Count; i++)
            {
                try { results[i] = f(items[i]); }
                catch (Exception e) { errors[i] = e; }
            }
        else
        {
        // One item at a time to whichever lane is free: range partitioning gave one lane a run of long jobs (PT-4: 110 s for
        // 84 s of work per lane).
        var queue = Partitioner.Create(Enumerable.Range(0, items.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(queue, new ParallelOptions { MaxDegreeOfParallelism = Count }, i =>
        {
            try { results[i] = f(items[i]); }
            catch (Exception e) { errors[i] = e; }
        });
        }
        if (errors.FirstOrDefault(e => e is not null) is { } first) ExceptionDispatchInfo.Throw(first);
        return results;
    }
}
