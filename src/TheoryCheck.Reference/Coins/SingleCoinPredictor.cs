// The Bayes predictor of a single-coin task distribution is the coin itself (no latent variable): zero regret on it.
using System.Globalization;

namespace TheoryCheck.Reference.Coins;

/// <summary>Always predicts P(next = 1) = p, p ∈ (0, 1), whatever the data.</summary>
public sealed class SingleCoinPredictor : CountPredictor
{
    public double P { get; }

    public SingleCoinPredictor(double p) => P = TaskDistributionValidation.RequireBias(p, "coin");

    public override double PredictOne(int ones, int n)
    {
        CheckCounts(ones, n);
        return P;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SingleCoin({P:0.####})");
}
