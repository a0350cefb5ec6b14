// Exact reference math in doubles (MathNet), independent of the network it judges: the task distributions of the LR family
// and their Bayes predictors in closed form. With w ~ N(0, I_d) and y = w·x + N(0, σ²), the posterior mean of w after k
// points is ridge with λ = σ² (Raventós et al. 2023, §2); over a finite task set it is the softmax-weighted mean of the tasks.
using MathNet.Numerics.LinearAlgebra;

namespace InContextRegression;

/// <summary>One prompt: k points (X[i], Y[i]) and the task w they came from. Predictions are made for each x_i from the
/// points before it, so one prompt of K points tests every prompt length 0 … K−1.</summary>
public sealed record RegressionPrompt(double[][] X, double[] Y, double[] W);

public static class RegressionTasks
{
    /// <summary>A standard normal vector (Box-Muller), drawn from <paramref name="rng"/> only.</summary>
    public static double[] Normal(int d, Random rng)
    {
        var v = new double[d];
        for (int i = 0; i < d; i++)
            v[i] = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return v;
    }

    /// <summary>M tasks drawn once from N(0, I_d): the few-task pretraining set (Raventós et al.'s task diversity M).</summary>
    public static double[][] FiniteSet(int m, int d, Random rng) => Enumerable.Range(0, m).Select(_ => Normal(d, rng)).ToArray();

    /// <summary>A prompt of <paramref name="k"/> points from task <paramref name="w"/>, x ~ N(0, I_d), noise sd σ.</summary>
    public static RegressionPrompt Prompt(double[] w, int k, double sigma, Random rng)
    {
        var xs = Enumerable.Range(0, k).Select(_ => Normal(w.Length, rng)).ToArray();
        var noise = Normal(k, rng);
        return new RegressionPrompt(xs, xs.Select((x, i) => Dot(w, x) + sigma * noise[i]).ToArray(), w);
    }

    public static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}

public static class BayesPredictors
{
    /// <summary>Ridge with penalty λ from the first k points, at x_q: the posterior mean under N(0, I) when λ = σ².</summary>
    public static double Ridge(RegressionPrompt p, int k, double[] xq, double lambda)
    {
        int d = xq.Length;
        if (k == 0) return 0;
        var x = Matrix<double>.Build.DenseOfRowArrays(p.X[..k]);
        var a = x.TransposeThisAndMultiply(x) + Matrix<double>.Build.DenseIdentity(d) * lambda;
        var w = a.Cholesky().Solve(x.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(p.Y[..k])));
        return w.DotProduct(Vector<double>.Build.DenseOfArray(xq));
    }

    /// <summary>Ordinary least squares, minimum-norm where k ≤ d (the pseudo-inverse): the interpolator with no prior.</summary>
    public static double MinNormLeastSquares(RegressionPrompt p, int k, double[] xq)
    {
        if (k == 0) return 0;
        var x = Matrix<double>.Build.DenseOfRowArrays(p.X[..k]);
        var w = x.PseudoInverse() * Vector<double>.Build.DenseOfArray(p.Y[..k]);
        return w.DotProduct(Vector<double>.Build.DenseOfArray(xq));
    }

    /// <summary>The posterior mean over a finite task set with a uniform prior: Σ_j p(j | points) w_j·x_q, with
    /// p(j | points) ∝ exp(−Σ_i (y_i − w_j·x_i)² / 2σ²), computed with the log-sum-exp shift.</summary>
    public static double FiniteSetPosterior(double[][] tasks, double sigma, RegressionPrompt p, int k, double[] xq)
    {
        var logs = tasks.Select(w => -Enumerable.Range(0, k).Sum(i => Math.Pow(p.Y[i] - RegressionTasks.Dot(w, p.X[i]), 2)) / (2 * sigma * sigma)).ToArray();
        double max = logs.Max();
        var weights = logs.Select(l => Math.Exp(l - max)).ToArray();
        double total = weights.Sum();
        return tasks.Select((w, j) => weights[j] / total * RegressionTasks.Dot(w, xq)).Sum();
    }
}
