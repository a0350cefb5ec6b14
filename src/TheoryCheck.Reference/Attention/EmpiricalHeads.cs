// Empirical heads fitted on attended features h_i = X_iᵀ softmax(X_i p) (P2 summary §4.4), in MathNet doubles.
// The simulation side of the known-prompt "simulation vs formula" comparison; the formulas live in KnownPromptTheory.
using MathNet.Numerics.LinearAlgebra;

namespace TheoryCheck.Reference.Attention;

/// <summary>Mean-difference and ridge heads on attended features, and their test error.</summary>
public static class EmpiricalHeads
{
    /// <summary>Attended features H with rows h_i = X_iᵀ softmax(X_i p), shape (n, d).</summary>
    public static Matrix<double> AttendedFeatures(MixtureDataset data, double[] p)
    {
        var rows = new double[data.Count][];
        for (int i = 0; i < data.Count; i++) rows[i] = PromptAttention.AttendedFeature(data.X[i], p);
        return Matrix<double>.Build.DenseOfRowArrays(rows);
    }

    /// <summary>Mean-difference head v̂ = (1/n) Σ y_i h_i (one GD step from zero, up to scale).</summary>
    public static Vector<double> MeanDifference(Matrix<double> h, int[] y) => h.TransposeThisAndMultiply(Labels(y)) / y.Length;

    /// <summary>
    /// Ridge head v̂ = (HᵀH + λI)^{−1}Hᵀy for λ &gt; 0; for λ = 0 the minimum-norm least-squares solution H⁺y
    /// (the interpolator when n &lt; d), which is the λ → 0 limit.
    /// </summary>
    public static Vector<double> Ridge(Matrix<double> h, int[] y, double lambda)
    {
        if (lambda < 0) throw new ArgumentException(FormattableString.Invariant($"lambda must be >= 0, got {lambda}"));
        var yv = Labels(y);
        if (lambda == 0) return h.PseudoInverse() * yv;
        var gram = h.TransposeThisAndMultiply(h) + Matrix<double>.Build.DenseIdentity(h.ColumnCount) * lambda;
        return gram.Cholesky().Solve(h.TransposeThisAndMultiply(yv));
    }

    /// <summary>Fraction of rows with y_i·(wᵀh_i) ≤ 0 (ties count as errors).</summary>
    public static double TestError(Vector<double> w, Matrix<double> h, int[] y)
    {
        var scores = h * w;
        int wrong = 0;
        for (int i = 0; i < y.Length; i++) if (y[i] * scores[i] <= 0) wrong++;
        return (double)wrong / y.Length;
    }

    static Vector<double> Labels(int[] y) => Vector<double>.Build.Dense(y.Length, i => y[i]);
}
