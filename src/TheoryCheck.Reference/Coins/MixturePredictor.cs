// Bayes predictor of a finite coin mixture (p1 §2.3, "TargetBayes" for the two-coin target).
// Posterior weights live in log space so that long, lopsided sequences cannot underflow them.
namespace TheoryCheck.Reference.Coins;

/// <summary>P(next = 1 | k, n) = Σ_i post_i(k, n)·p_i with post_i ∝ w_i p_i^k (1−p_i)^(n−k).</summary>
public sealed class MixturePredictor : CountPredictor
{
    readonly double[] logW, logP, logQ, p;

    public CoinMixture Mixture { get; }

    public MixturePredictor(CoinMixture mixture)
    {
        Mixture = mixture.Validate();
        int c = mixture.Components.Count;
        logW = new double[c]; logP = new double[c]; logQ = new double[c]; p = new double[c];
        for (int i = 0; i < c; i++)
        {
            var (w, pi) = mixture.Components[i];
            logW[i] = Math.Log(w);          // w = 0 gives −∞: the component never gains mass
            logP[i] = Math.Log(pi);
            logQ[i] = Math.Log(1 - pi);
            p[i] = pi;
        }
    }

    /// <summary>Posterior probabilities of the components after k ones in n flips; they sum to 1.</summary>
    public double[] PosteriorWeights(int ones, int n)
    {
        var post = new double[p.Length];
        Posterior(ones, n, post);
        return post;
    }

    public override double PredictOne(int ones, int n)
    {
        // Exact regret sums call this O(N²) times: keep the posterior on the stack for small mixtures.
        Span<double> post = p.Length <= 64 ? stackalloc double[p.Length] : new double[p.Length];
        Posterior(ones, n, post);
        double s = 0;
        for (int i = 0; i < p.Length; i++) s += post[i] * p[i];
        return s;
    }

    void Posterior(int ones, int n, Span<double> post)
    {
        CheckCounts(ones, n);
        for (int i = 0; i < p.Length; i++)
            post[i] = double.IsNegativeInfinity(logW[i]) ? logW[i] : logW[i] + ones * logP[i] + (n - ones) * logQ[i];
        double z = CoinMath.LogSumExp(post);
        for (int i = 0; i < post.Length; i++) post[i] = Math.Exp(post[i] - z);
    }

    public override string ToString() => $"MixtureBayes({Mixture.Name})";
}
