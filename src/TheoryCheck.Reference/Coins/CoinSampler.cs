// Draws coin sequences from a task distribution with the caller's Random (conventions C8: no global RNG).
namespace TheoryCheck.Reference.Coins;

public static class CoinSampler
{
    /// <summary>Samples <paramref name="count"/> sequences of <paramref name="length"/> bits: τ ~ d once per sequence, then i.i.d. Bern(τ).
    /// Biases[i] is the τ of sequence i, which the oracle needs. Deterministic given the state of <paramref name="rng"/>.</summary>
    public static (int[][] Bits, double[] Biases) Sample(TaskDistribution d, int count, int length, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (count < 0 || length < 0)
            throw new ArgumentOutOfRangeException(nameof(count), $"count and length must be >= 0, got {count}, {length}.");
        d.Validate();
        var bits = new int[count][];
        var biases = new double[count];
        for (int i = 0; i < count; i++)
        {
            double tau = d.SampleBias(rng);
            var x = new int[length];
            for (int t = 0; t < length; t++) x[t] = rng.NextDouble() < tau ? 1 : 0;
            bits[i] = x;
            biases[i] = tau;
        }
        return (bits, biases);
    }
}
