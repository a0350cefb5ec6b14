// Scalar building blocks for coin regret: Bernoulli KL/entropy, LogSumExp, log-space binomial pmfs (nats throughout).
// Pure functions of doubles; no distributions or predictors here.
using MathNet.Numerics;

namespace TheoryCheck.Reference.Coins;

public static class CoinMath
{
    /// <summary>KL(Bern(τ) ‖ Bern(p)) in nats, τ, p ∈ [0, 1]. 0·ln 0 = 0; +∞ when p puts zero mass on an outcome τ can produce.</summary>
    public static double BernoulliKL(double tau, double p) =>
        XLogXOverY(tau, p) + XLogXOverY(1 - tau, 1 - p);

    /// <summary>H(Bern(τ)) in nats, τ ∈ [0, 1]; the oracle's expected per-step log loss.</summary>
    public static double BernoulliEntropy(double tau) => -XLogX(tau) - XLogX(1 - tau);

    /// <summary>Cross-entropy −τ ln p − (1−τ) ln(1−p), τ, p ∈ [0, 1] (0·ln 0 = 0).</summary>
    public static double CrossEntropy(double tau, double p) => -XLogY(tau, p) - XLogY(1 - tau, 1 - p);

    /// <summary>ln Σ exp(x_i), stable for large |x_i|; −∞ entries are ignored, an all −∞ (or empty) input gives −∞.</summary>
    public static double LogSumExp(ReadOnlySpan<double> xs)
    {
        double max = double.NegativeInfinity;
        foreach (double x in xs) if (x > max) max = x;
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (double x in xs) sum += Math.Exp(x - max);
        return max + Math.Log(sum);
    }

    /// <summary>ln P(k ones in n flips | τ) = ln C(n,k) + k ln τ + (n−k) ln(1−τ); exact at τ ∈ {0, 1}.</summary>
    public static double LogBinomialPmf(int n, int k, double tau) =>
        LogBinomialCoefficient(n, k) + LogSequenceProbability(k, n, tau);

    /// <summary>ln C(n, k), 0 ≤ k ≤ n.</summary>
    public static double LogBinomialCoefficient(int n, int k) => SpecialFunctions.BinomialLn(n, k);

    /// <summary>ln of one specific sequence with k ones out of n under coin τ (no binomial coefficient).</summary>
    public static double LogSequenceProbability(int ones, int n, double tau) =>
        XLogYInt(ones, tau) + XLogYInt(n - ones, 1 - tau);

    /// <summary>ln P(k ones in n) when τ ~ Beta(a, b): ln C(n,k) + ln B(k+a, n−k+b) − ln B(a, b); a, b &gt; 0.</summary>
    public static double LogBetaBinomialPmf(int n, int k, double a, double b) =>
        LogBinomialCoefficient(n, k) + SpecialFunctions.BetaLn(k + a, n - k + b) - SpecialFunctions.BetaLn(a, b);

    /// <summary>E[H(Bern(τ))] for τ ~ Beta(a, b), via E[τ ln τ] = a/(a+b)·(ψ(a+1) − ψ(a+b+1)).</summary>
    public static double ExpectedBetaEntropy(double a, double b)
    {
        double s = SpecialFunctions.DiGamma(a + b + 1);
        return -(a * (SpecialFunctions.DiGamma(a + 1) - s) + b * (SpecialFunctions.DiGamma(b + 1) - s)) / (a + b);
    }

    static double XLogX(double x) => x <= 0 ? 0 : x * Math.Log(x);

    static double XLogY(double x, double y) => x <= 0 ? 0 : x * Math.Log(y);

    static double XLogXOverY(double x, double y) =>
        x <= 0 ? 0 : y <= 0 ? double.PositiveInfinity : x * Math.Log(x / y);

    // Integer exponent: 0·ln 0 must be 0, not NaN, so a coin at 0 or 1 gives a point mass.
    static double XLogYInt(int x, double y) => x == 0 ? 0 : x * Math.Log(y);
}
