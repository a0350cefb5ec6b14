// Exchangeable predictors whose P(next = 1) depends only on (ones, n): all Bayes predictors of i.i.d. coin priors.
// The count form is what the exact regret sums need; the sequence form serves the shared ISequencePredictor interface.
namespace TheoryCheck.Reference.Coins;

/// <summary>A predictor that is a function of the counts seen so far.</summary>
public interface ICountPredictor : ISequencePredictor
{
    /// <summary>P(next = 1) after <paramref name="n"/> observations of which <paramref name="ones"/> were 1 (0 ≤ ones ≤ n).</summary>
    double PredictOne(int ones, int n);
}

/// <summary>Implements <see cref="ISequencePredictor.PredictOnes"/> by running counts through <see cref="PredictOne"/>.</summary>
public abstract class CountPredictor : ICountPredictor
{
    public abstract double PredictOne(int ones, int n);

    public double[] PredictOnes(ReadOnlySpan<int> bits)
    {
        var result = new double[bits.Length];
        int ones = 0;
        for (int t = 0; t < bits.Length; t++)
        {
            result[t] = PredictOne(ones, t);
            ones += bits[t] switch
            {
                0 => 0,
                1 => 1,
                _ => throw new ArgumentException($"Bits must be 0 or 1, got {bits[t]} at index {t}."),
            };
        }
        return result;
    }

    /// <summary>Guard shared by implementations: 0 ≤ ones ≤ n.</summary>
    protected static void CheckCounts(int ones, int n)
    {
        if (n < 0 || ones < 0 || ones > n)
            throw new ArgumentOutOfRangeException(nameof(ones), $"Need 0 <= ones <= n, got ones={ones}, n={n}.");
    }
}
