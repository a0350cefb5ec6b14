// What one tuning run leaves behind, in plain numbers: the mean regret curve and the per-sequence regrets at the horizons.
using TheoryCheck.Claims.Statistics;

namespace TheoryCheck.Claims.PromptTuning;

/// <param name="MeanCurve">Mean cumulative regret after n = 0..EvalLength tokens over the evaluation set.</param>
/// <param name="PerSequence">Per-sequence cumulative regret at each evaluated horizon (PromptingSetup.Horizons up to the eval length).</param>
/// <param name="Detail">What was learned, e.g. the hard prefix's tokens.</param>
public sealed record RunOutcome(Method Method, int Rep, double[] MeanCurve, IReadOnlyDictionary<int, double[]> PerSequence,
                                string Detail, double Seconds)
{
    /// <summary>The hard prefix's tokens (HardPT only), e.g. "000100".</summary>
    public int[]? HardBits { get; init; }

    public int HardOnes => HardBits?.Count(b => b == 1) ?? throw new InvalidOperationException($"{Method} has no hard prefix");

    /// <summary>Mean regret at horizon n with its SE over the evaluation sequences.</summary>
    public Measurement At(int n) => PerSequence.TryGetValue(n, out var v)
        ? Measurement.MeanOf(v)
        : throw new ArgumentOutOfRangeException(nameof(n), $"horizon {n} was not evaluated (evaluation length {MeanCurve.Length - 1})");
}
