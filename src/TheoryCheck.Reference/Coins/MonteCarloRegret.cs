// Monte-Carlo regret vs the oracle for any ISequencePredictor (trained networks included), to be checked against Regret's exact values.
namespace TheoryCheck.Reference.Coins;

/// <summary>Mean and standard error of per-sequence cumulative regret at N; MeanCurve[n] is the mean regret after n tokens (MeanCurve[0] = 0).</summary>
public sealed record RegretEstimate(double Mean, double StandardError, int Sequences, double[] MeanCurve);

public static class MonteCarloRegret
{
    /// <summary>Per-sequence cumulative regret after N tokens: Σ_{t≤N} [−ln π(x_t | x_&lt;t) + ln P(x_t | τ)].</summary>
    public static double[] SequenceCurve(ISequencePredictor predictor, ReadOnlySpan<int> bits, double tau, int N)
    {
        if (N < 1 || N > bits.Length)
            throw new ArgumentOutOfRangeException(nameof(N), $"Need 1 <= N <= sequence length {bits.Length}, got {N}.");
        var pred = predictor.PredictOnes(bits[..N]);
        var curve = new double[N + 1];
        for (int t = 0; t < N; t++)
        {
            bool one = bits[t] == 1;
            double model = one ? pred[t] : 1 - pred[t], oracle = one ? tau : 1 - tau;
            curve[t + 1] = curve[t] - Math.Log(model) + Math.Log(oracle);
        }
        return curve;
    }

    /// <summary>Estimates expected regret@N over the given sequences and their true biases.</summary>
    public static RegretEstimate Estimate(ISequencePredictor predictor, int[][] bits, double[] biases, int N)
    {
        if (bits.Length != biases.Length || bits.Length < 2)
            throw new ArgumentException($"Need >= 2 sequences with one bias each, got {bits.Length} sequences and {biases.Length} biases.");
        int m = bits.Length;
        var mean = new double[N + 1];
        var final = new double[m];
        for (int i = 0; i < m; i++)
        {
            var c = SequenceCurve(predictor, bits[i], biases[i], N);
            for (int n = 0; n <= N; n++) mean[n] += c[n] / m;
            final[i] = c[N];
        }
        double mu = mean[N], ss = 0;
        foreach (double r in final) ss += (r - mu) * (r - mu);   // two-pass variance: no cancellation
        return new RegretEstimate(mu, Math.Sqrt(ss / (m - 1) / m), m, mean);
    }

    /// <summary>Samples <paramref name="count"/> target sequences of length N with <paramref name="rng"/> and estimates regret@N.</summary>
    public static RegretEstimate Estimate(ISequencePredictor predictor, TaskDistribution target, int count, int N, Random rng)
    {
        var (bits, biases) = CoinSampler.Sample(target, count, N, rng);
        return Estimate(predictor, bits, biases, N);
    }
}
