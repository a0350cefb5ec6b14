// Bayes predictor of the Beta(α, β) prior (p1 §2.3): the Laplace rule for α = β = 1, the "PreBayes" baseline.
using System.Globalization;

namespace TheoryCheck.Reference.Coins;

/// <summary>P(next = 1 | k ones in n) = (k + α) / (n + α + β); α, β &gt; 0. A hard prefix with h ones, t zeros is Beta(α+h, β+t).</summary>
public sealed class BetaBernoulliPredictor : CountPredictor
{
    public double Alpha { get; }
    public double Beta { get; }

    public BetaBernoulliPredictor(double alpha, double beta)
    {
        new RandomCoins(alpha, beta).Validate();
        Alpha = alpha;
        Beta = beta;
    }

    public BetaBernoulliPredictor(RandomCoins prior) : this(prior.Alpha, prior.Beta) { }

    public override double PredictOne(int ones, int n)
    {
        CheckCounts(ones, n);
        return (ones + Alpha) / (n + Alpha + Beta);
    }

    /// <summary>The ideally prompted predictor: the posterior after a prefix with the given counts.</summary>
    public BetaBernoulliPredictor AfterPrefix(int ones, int zeros) => new(Alpha + ones, Beta + zeros);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"BetaBernoulli({Alpha:0.####},{Beta:0.####})");
}
