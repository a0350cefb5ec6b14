// Maps a task distribution to its exact Bayes (posterior-predictive) predictor, the ideal meta-learned model (p1 T0).
namespace TheoryCheck.Reference.Coins;

public static class BayesPredictor
{
    /// <summary>Beta-Bernoulli for <see cref="RandomCoins"/>, the coin itself for <see cref="SingleCoin"/>, <see cref="MixturePredictor"/> for <see cref="CoinMixture"/>. Validates first.</summary>
    public static CountPredictor For(TaskDistribution d) => d.Validate() switch
    {
        RandomCoins rc => new BetaBernoulliPredictor(rc),
        SingleCoin c => new SingleCoinPredictor(c.P),
        CoinMixture m => new MixturePredictor(m),
        _ => throw new ArgumentException($"No Bayes predictor for {d.GetType().Name}."),
    };
}
