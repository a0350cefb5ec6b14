// The interface shared by exact Bayesian predictors and trained networks (conventions C5).
namespace TheoryCheck.Reference.Coins;

/// <summary>Gives P(next token = 1) after each prefix of a binary sequence.</summary>
public interface ISequencePredictor
{
    /// <summary>Result[t] = P(x_{t+1} = 1 | x_1..x_t), for t = 0..bits.Length-1 (index 0 is the prediction before any data).</summary>
    double[] PredictOnes(ReadOnlySpan<int> bits);
}
