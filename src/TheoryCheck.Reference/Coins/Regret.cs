// Exact expected regret vs the oracle that knows τ (p1 §2.5), by summing over binomial counts — no sampling.
// Instant regret after n observations is E_k[KL(τ ‖ p(k, n))]; mixtures average per component, Beta targets use the Beta-binomial marginal.
namespace TheoryCheck.Reference.Coins;

public static class Regret
{
    /// <summary>Instant[n] = expected regret of the prediction made after n observations (n = 0..N−1), i.e. of token n+1.</summary>
    public static double[] Instant(Func<int, int, double> p1, TaskDistribution target, int N)
    {
        RequireLength(N);
        switch (target.Validate())
        {
            case SingleCoin c:
                return InstantOnCoin(p1, c.P, N);
            case CoinMixture m:
                var sum = new double[N];
                foreach (var (w, p) in m.Components)
                {
                    if (w == 0) continue;
                    var r = InstantOnCoin(p1, p, N);
                    for (int n = 0; n < N; n++) sum[n] += w * r[n];
                }
                return sum;
            case RandomCoins rc:
                return InstantOnBeta(p1, rc.Alpha, rc.Beta, N);
            default:
                throw new ArgumentException($"Unsupported target {target.GetType().Name}.");
        }
    }

    /// <summary>Cumulative regret curve of length N+1: Curve[n] = R(n) = Σ_{t&lt;n} Instant[t], so Curve[0] = 0 and Curve[N] is regret@N.</summary>
    public static double[] Curve(Func<int, int, double> p1, TaskDistribution target, int N)
    {
        var inst = Instant(p1, target, N);
        var curve = new double[N + 1];
        for (int n = 0; n < N; n++) curve[n + 1] = curve[n] + inst[n];
        return curve;
    }

    public static double[] Curve(ICountPredictor predictor, TaskDistribution target, int N) => Curve(predictor.PredictOne, target, N);

    /// <summary>Expected cumulative regret after N tokens, N ≥ 1.</summary>
    public static double At(Func<int, int, double> p1, TaskDistribution target, int N) => Curve(p1, target, N)[N];

    public static double At(ICountPredictor predictor, TaskDistribution target, int N) => At(predictor.PredictOne, target, N);

    /// <summary>E_τ[H(Bern(τ))]: the oracle's expected log loss per token, in nats.</summary>
    public static double ExpectedEntropy(TaskDistribution target) => target.Validate() switch
    {
        SingleCoin c => CoinMath.BernoulliEntropy(c.P),
        CoinMixture m => m.Components.Sum(x => x.Weight * CoinMath.BernoulliEntropy(x.P)),
        RandomCoins rc => CoinMath.ExpectedBetaEntropy(rc.Alpha, rc.Beta),
        _ => throw new ArgumentException($"Unsupported target {target.GetType().Name}."),
    };

    /// <summary>Expected cumulative log loss of the oracle over N tokens: N·E[H(τ)].</summary>
    public static double OracleLogLoss(TaskDistribution target, int N) => N * ExpectedEntropy(target);

    /// <summary>Expected cumulative log loss of any count predictor: oracle loss + regret.</summary>
    public static double ExpectedLogLoss(Func<int, int, double> p1, TaskDistribution target, int N) =>
        OracleLogLoss(target, N) + At(p1, target, N);

    /// <summary>E_{x~ξ}[−ln ξ(x_1..x_N)] for the Bayes mixture ξ of <paramref name="d"/> evaluated on d itself,
    /// computed from the joint marginal (an independent route from the per-step regret sum). 26.568 for Beta(1,1), N=50.</summary>
    public static double BayesCumulativeLogLoss(TaskDistribution d, int N)
    {
        RequireLength(N);
        double total = 0;
        switch (d.Validate())
        {
            case SingleCoin c:
                return N * CoinMath.BernoulliEntropy(c.P);
            case RandomCoins rc:
                double logB = MathNet.Numerics.SpecialFunctions.BetaLn(rc.Alpha, rc.Beta);
                for (int k = 0; k <= N; k++)
                {
                    double logSeq = MathNet.Numerics.SpecialFunctions.BetaLn(k + rc.Alpha, N - k + rc.Beta) - logB;
                    total -= Math.Exp(CoinMath.LogBinomialCoefficient(N, k) + logSeq) * logSeq;
                }
                return total;
            case CoinMixture m:
                var terms = new double[m.Components.Count];
                for (int k = 0; k <= N; k++)
                {
                    for (int i = 0; i < terms.Length; i++)
                        terms[i] = Math.Log(m.Components[i].Weight) + CoinMath.LogSequenceProbability(k, N, m.Components[i].P);
                    double logSeq = CoinMath.LogSumExp(terms);
                    total -= Math.Exp(CoinMath.LogBinomialCoefficient(N, k) + logSeq) * logSeq;
                }
                return total;
            default:
                throw new ArgumentException($"Unsupported distribution {d.GetType().Name}.");
        }
    }

    static double[] InstantOnCoin(Func<int, int, double> p1, double tau, int N)
    {
        var r = new double[N];
        for (int n = 0; n < N; n++)
        {
            double s = 0;
            for (int k = 0; k <= n; k++)
            {
                double w = Math.Exp(CoinMath.LogBinomialPmf(n, k, tau));
                if (w > 0) s += w * CoinMath.BernoulliKL(tau, p1(k, n));   // skip underflowed counts: 0·∞ would be NaN
            }
            r[n] = s;
        }
        return r;
    }

    // E_τ E_k KL(τ‖p) = Σ_k BB(k) CE(E[τ|k], p) − E[H(τ)]: cross-entropy is linear in τ, so only the posterior mean enters.
    static double[] InstantOnBeta(Func<int, int, double> p1, double a, double b, int N)
    {
        double h = CoinMath.ExpectedBetaEntropy(a, b);
        var r = new double[N];
        for (int n = 0; n < N; n++)
        {
            double s = 0;
            for (int k = 0; k <= n; k++)
            {
                double w = Math.Exp(CoinMath.LogBetaBinomialPmf(n, k, a, b));
                if (w > 0) s += w * CoinMath.CrossEntropy((k + a) / (n + a + b), p1(k, n));
            }
            r[n] = s - h;
        }
        return r;
    }

    static void RequireLength(int N)
    {
        if (N < 1) throw new ArgumentOutOfRangeException(nameof(N), $"Sequence length must be >= 1, got {N}.");
    }
}
