// Full-batch gradient descent in doubles for f_PA (W = I) and f_lin (P2 summary §2.6, §4.3).
// Small and exact: used for the two-step GD checks (p₁, v₁, p₂) and as the oracle for the torch trainer.
namespace TheoryCheck.Reference.Attention;

/// <summary>Per-sample loss on y·f (logistic) or on the residual (squared).</summary>
public enum LossKind
{
    /// <summary>ℓ(z) = log(1 + e^{−z}) at z = y·f; ℓ′(0) = −½, so c = ½ in §4.3.</summary>
    Logistic,
    /// <summary>½(y − f)²; c = 1 in §4.3.</summary>
    Squared,
}

/// <summary>Parameters of f_PA: prompt p and head v, each shape (d). Arrays are not mutated by this code.</summary>
public sealed record PromptAttentionState(double[] P, double[] V);

/// <summary>Losses, empirical-risk gradients and simultaneous full-batch GD.</summary>
public static class GradientDescent
{
    /// <summary>Stable logistic loss ℓ(z) = max(−z, 0) + log(1 + e^{−|z|}).</summary>
    public static double Logistic(double z) => Math.Max(-z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    /// <summary>ℓ′(z) = −1/(1 + e^{z}), evaluated without overflow.</summary>
    public static double LogisticDerivative(double z)
        => z >= 0 ? -Math.Exp(-z) / (1 + Math.Exp(-z)) : -1 / (1 + Math.Exp(z));

    /// <summary>Loss of prediction f for label y ∈ {−1, +1}.</summary>
    public static double Loss(LossKind kind, int y, double f)
        => kind == LossKind.Logistic ? Logistic(y * f) : 0.5 * (y - f) * (y - f);

    /// <summary>∂Loss/∂f.</summary>
    public static double LossSlope(LossKind kind, int y, double f)
        => kind == LossKind.Logistic ? y * LogisticDerivative(y * f) : f - y;

    /// <summary>Empirical risk (1/n) Σ ℓ and its gradient in (p, v) for f_PA with W = I.</summary>
    public static (double Loss, double[] GradP, double[] GradV) PromptAttentionRisk(
        double[][][] x, int[] y, PromptAttentionState state, LossKind kind)
    {
        int n = y.Length, d = state.P.Length;
        var gp = new double[d];
        var gv = new double[d];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            var (dp, dv) = PromptAttention.Gradient(x[i], state.P, state.V);
            double f = Vec.Dot(state.V, dv); // ∂f/∂v is the attended feature h, and f = vᵀh
            loss += Loss(kind, y[i], f);
            double slope = LossSlope(kind, y[i], f) / n;
            Vec.AddScaled(gp, dp, slope);
            Vec.AddScaled(gv, dv, slope);
        }
        return (loss / n, gp, gv);
    }

    /// <summary>One simultaneous step (p, v) ← (p, v) − η ∇L(p, v), η &gt; 0.</summary>
    public static PromptAttentionState StepPromptAttention(
        double[][][] x, int[] y, PromptAttentionState state, double eta, LossKind kind = LossKind.Logistic)
    {
        var (_, gp, gv) = PromptAttentionRisk(x, y, state, kind);
        var p = (double[])state.P.Clone();
        var v = (double[])state.V.Clone();
        Vec.AddScaled(p, gp, -eta);
        Vec.AddScaled(v, gv, -eta);
        return new PromptAttentionState(p, v);
    }

    /// <summary>Runs <paramref name="steps"/> ≥ 0 simultaneous GD steps from <paramref name="init"/>.</summary>
    public static PromptAttentionState TrainPromptAttention(
        double[][][] x, int[] y, PromptAttentionState init, double eta, int steps, LossKind kind = LossKind.Logistic)
    {
        var state = init;
        for (int s = 0; s < steps; s++) state = StepPromptAttention(x, y, state, eta, kind);
        return state;
    }

    /// <summary>Empirical risk and gradient in v for f_lin(X; v) = vᵀx̄.</summary>
    public static (double Loss, double[] GradV) LinearRisk(double[][][] x, int[] y, double[] v, LossKind kind)
    {
        int n = y.Length;
        var gv = new double[v.Length];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            var mean = PromptAttention.Mean(x[i]);
            double f = Vec.Dot(v, mean);
            loss += Loss(kind, y[i], f);
            Vec.AddScaled(gv, mean, LossSlope(kind, y[i], f) / n);
        }
        return (loss / n, gv);
    }

    /// <summary>GD on the linear (uniform-attention) model from v0; returns the final head.</summary>
    public static double[] TrainLinear(
        double[][][] x, int[] y, double[] v0, double eta, int steps, LossKind kind = LossKind.Logistic)
    {
        var v = (double[])v0.Clone();
        // x̄_i is fixed, so precompute it once: GD on f_lin only ever sees the token means.
        var means = new double[y.Length][][];
        for (int i = 0; i < y.Length; i++) means[i] = new[] { PromptAttention.Mean(x[i]) };
        for (int s = 0; s < steps; s++)
        {
            var (_, gv) = LinearRisk(means, y, v, kind);
            Vec.AddScaled(v, gv, -eta);
        }
        return v;
    }

    /// <summary>Fraction of sequences with y·f(X) &gt; 0 (a zero prediction counts as an error).</summary>
    public static double Accuracy(double[][][] x, int[] y, Func<double[][], double> f)
    {
        int correct = 0;
        for (int i = 0; i < y.Length; i++) if (y[i] * f(x[i]) > 0) correct++;
        return (double)correct / y.Length;
    }
}
