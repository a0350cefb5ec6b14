// Monte-Carlo regret vs the oracle that knows τ, to be checked against Regret's exact values: per sequence for any ISequencePredictor
// (one sequence at a time), and from a batch of predictions P(1), which is how the networks are scored (batched forward passes).
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
        // Not merged into SequenceCurve(p1, …) below: this form subtracts and adds the two logs one at a time, and MB-6's
        // reported z-scores depend on that order in their last bits (the merged order moves them by about 1e-11).
        var curve = new double[N + 1];
        for (int t = 0; t < N; t++)
        {
            bool one = bits[t] == 1;
            double model = one ? pred[t] : 1 - pred[t], oracle = one ? tau : 1 - tau;
            curve[t + 1] = curve[t] - Math.Log(model) + Math.Log(oracle);
        }
        return curve;
    }

    /// <summary>
    /// Per-sequence regret from predictions, the definition every result table and prompt-tuning score uses, for networks and
    /// exact predictors alike: Curve[n] = Σ_{t&lt;n} [−ln π(x_t) + ln P(x_t | τ)] from the predictions <paramref name="p1"/>[t] = π(x_{t+1} = 1 | x_≤t), Curve[0] = 0.
    /// Why the running sum adds each step's two logs first: that order fixes the last bits of every reported regret.
    /// </summary>
    public static double[] SequenceCurve(ReadOnlySpan<double> p1, ReadOnlySpan<int> bits, double tau, int N)
    {
        var curve = new double[N + 1];
        double r = 0;
        for (int t = 0; t < N; t++)
        {
            bool one = bits[t] == 1;
            r += -Math.Log(one ? p1[t] : 1 - p1[t]) + Math.Log(one ? tau : 1 - tau);
            curve[t + 1] = r;
        }
        return curve;
    }

    /// <summary>Regret after <paramref name="N"/> tokens of every sequence, from predictions <paramref name="p1"/>[i][t].</summary>
    public static double[] At(double[][] p1, int[][] bits, double[] biases, int N)
    {
        var result = new double[bits.Length];
        for (int i = 0; i < bits.Length; i++) result[i] = SequenceCurve(p1[i], bits[i], biases[i], N)[N];
        return result;
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
