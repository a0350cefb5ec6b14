// Ideal prompting references (p1 T1–T4): a hard prefix only adds counts to the Bayes predictor, so the best hard prefix,
// the best (real-valued) Beta posterior and the random-prefix control are all exact regret computations.
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace TheoryCheck.Reference.Coins;

/// <summary>A hard prefix composition (order is irrelevant for exchangeable predictors) and its regret@N on the target.</summary>
public sealed record HardPrefixChoice(int Ones, int Zeros, double Regret);

/// <summary>A Beta(A, B) predictor and its regret@N on the target.</summary>
public sealed record BetaPosteriorChoice(double A, double B, double Regret);

public static class Prompting
{
    // Search box for real-valued Beta parameters, in ln a / ln b. Single-coin targets push the optimum to the upper edge.
    const double LogMin = -4, LogMax = 9;

    /// <summary>The predictor after a hard prefix with the given counts: p'(k, n) = p(k + ones, n + ones + zeros).</summary>
    public static Func<int, int, double> WithHardPrefix(Func<int, int, double> p1, int ones, int zeros)
    {
        if (ones < 0 || zeros < 0) throw new ArgumentOutOfRangeException(nameof(ones), $"Prefix counts must be >= 0, got {ones}, {zeros}.");
        return (k, n) => p1(k + ones, n + ones + zeros);
    }

    public static Func<int, int, double> WithHardPrefix(ICountPredictor predictor, int ones, int zeros) =>
        WithHardPrefix(predictor.PredictOne, ones, zeros);

    /// <summary>Conjugate update: a prefix with h ones and t zeros turns Beta(α, β) into Beta(α + h, β + t).</summary>
    public static RandomCoins Condition(RandomCoins prior, int ones, int zeros) => new(prior.Alpha + ones, prior.Beta + zeros);

    /// <summary>Regret curve (length N+1, see <see cref="Regret.Curve(Func{int,int,double},TaskDistribution,int)"/>) of prior's Bayes predictor after a hard prefix.</summary>
    public static double[] PromptedCurve(TaskDistribution prior, int ones, int zeros, TaskDistribution target, int N) =>
        Regret.Curve(WithHardPrefix(BayesPredictor.For(prior), ones, zeros), target, N);

    /// <summary>Regret@N for every composition of a length-L hard prefix (Ones = 0..L).</summary>
    public static IReadOnlyList<HardPrefixChoice> AllHardPrefixes(TaskDistribution prior, TaskDistribution target, int length, int N)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), $"Prefix length must be >= 0, got {length}.");
        var bayes = BayesPredictor.For(prior);
        return Enumerable.Range(0, length + 1)
            .Select(h => new HardPrefixChoice(h, length - h, Regret.At(WithHardPrefix(bayes, h, length - h), target, N)))
            .ToList();
    }

    /// <summary>Exhaustive search (L+1 candidates) for the hard prefix minimising regret@N.
    /// Near-ties (1e-12 relative) go to the most balanced prefix, so a symmetric problem reports the balanced one.</summary>
    public static HardPrefixChoice BestHardPrefix(TaskDistribution prior, TaskDistribution target, int length, int N)
    {
        HardPrefixChoice? best = null;
        foreach (var c in AllHardPrefixes(prior, target, length, N))
        {
            if (best is null) { best = c; continue; }
            double tol = 1e-12 * Math.Max(1, Math.Abs(best.Regret));
            bool better = c.Regret < best.Regret - tol
                || (Math.Abs(c.Regret - best.Regret) <= tol && Math.Abs(c.Ones - c.Zeros) < Math.Abs(best.Ones - best.Zeros));
            if (better) best = c;
        }
        return best!;
    }

    /// <summary>Regret curve (length N+1) of prior's Bayes predictor averaged over all 2^L equally likely hard prefixes (the RandomPF control).</summary>
    public static double[] RandomHardPrefixCurve(TaskDistribution prior, TaskDistribution target, int length, int N)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), $"Prefix length must be >= 0, got {length}.");
        var bayes = BayesPredictor.For(prior);
        var mean = new double[N + 1];
        for (int h = 0; h <= length; h++)
        {
            // C(L,h) of the 2^L prefixes share this composition.
            double w = Math.Exp(SpecialFunctions.BinomialLn(length, h) - length * Math.Log(2));
            var curve = Regret.Curve(WithHardPrefix(bayes, h, length - h), target, N);
            for (int n = 0; n <= N; n++) mean[n] += w * curve[n];
        }
        return mean;
    }

    /// <summary>Best Beta(a, b) predictor for the target at horizon N over real a, b &gt; 0 — the most a prompt could achieve if it must
    /// leave a Beta posterior. Grid in (ln a, ln b) then Nelder–Mead; the search box is ln a, ln b ∈ [−4, 9].</summary>
    public static BetaPosteriorChoice BestBetaPosterior(TaskDistribution target, int N)
    {
        target.Validate();
        double F(double u, double v) => BetaRegret(target, N, Clamp(u), Clamp(v));
        double bu = 0, bv = 0, bf = double.PositiveInfinity;
        for (double u = LogMin; u <= LogMax; u += 1)
            for (double v = LogMin; v <= LogMax; v += 1)
            {
                double f = F(u, v);
                if (f < bf) (bu, bv, bf) = (u, v, f);
            }
        try
        {
            var obj = ObjectiveFunction.Value(x => F(x[0], x[1]));
            var res = NelderMeadSimplex.Minimum(obj, new DenseVector([bu, bv]), new DenseVector([0.5, 0.5]), 1e-13, 5000);
            double u = Clamp(res.MinimizingPoint[0]), v = Clamp(res.MinimizingPoint[1]);
            double f = F(u, v);
            if (f < bf) (bu, bv, bf) = (u, v, f);
        }
        catch (MaximumIterationsException) { }   // keep the grid optimum
        return new BetaPosteriorChoice(Math.Exp(bu), Math.Exp(bv), bf);
    }

    /// <summary>Best symmetric Beta(a, a) at horizon N (golden section on ln a after a grid), ln a ∈ [−4, 9].</summary>
    public static BetaPosteriorChoice BestSymmetricBeta(TaskDistribution target, int N)
    {
        target.Validate();
        double F(double u) => BetaRegret(target, N, u, u);
        double bu = LogMin, bf = double.PositiveInfinity;
        for (double u = LogMin; u <= LogMax; u += 0.5)
        {
            double f = F(u);
            if (f < bf) (bu, bf) = (u, f);
        }
        double lo = Math.Max(LogMin, bu - 0.5), hi = Math.Min(LogMax, bu + 0.5);
        double best = FindMinimum.OfScalarFunctionConstrained(F, lo, hi, 1e-10, 1000);
        double fb = F(best);
        if (fb < bf) (bu, bf) = (best, fb);
        return new BetaPosteriorChoice(Math.Exp(bu), Math.Exp(bu), bf);
    }

    static double BetaRegret(TaskDistribution target, int N, double logA, double logB) =>
        Regret.At(new BetaBernoulliPredictor(Math.Exp(logA), Math.Exp(logB)), target, N);

    static double Clamp(double u) => Math.Clamp(u, LogMin, LogMax);
}
