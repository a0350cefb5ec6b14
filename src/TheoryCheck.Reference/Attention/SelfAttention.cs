// Exact self-attention baselines of P2 (summary §2.5) in doubles: SA-pool and SA-pos with analytic gradients.
// A = softmax_row(X W Xᵀ) (T, T), O = A X (T, d); no 1/√d scaling, matching the prompt-attention convention.
namespace TheoryCheck.Reference.Attention;

/// <summary>Self-attention readouts: mean-pooled (SA-pool) and fixed-position (SA-pos), each with a linear head u.</summary>
public static class SelfAttention
{
    /// <summary>A_tj = softmax_j(x_tᵀ W x_j): row t is the attention of query token t over the T keys.</summary>
    public static double[][] AttentionMatrix(double[][] x, double[][] w)
    {
        var a = new double[x.Length][];
        for (int t = 0; t < x.Length; t++) a[t] = PromptAttention.AttentionWeights(x, Vec.MatTVec(w, x[t]));
        return a; // x_tᵀ W x_j = x_jᵀ (Wᵀ x_t), so row t is prompt attention with prompt Wᵀx_t
    }

    /// <summary>O = A X, shape (T, d).</summary>
    public static double[][] Outputs(double[][] x, double[][] w)
    {
        var a = AttentionMatrix(x, w);
        var o = new double[x.Length][];
        for (int t = 0; t < x.Length; t++) o[t] = PromptAttention.WeightedSum(x, a[t]);
        return o;
    }

    /// <summary>SA-pool: f = uᵀ (1/T) Σ_t O_t.</summary>
    public static double ForwardPool(double[][] x, double[][] w, double[] u) => Vec.Dot(u, PooledOutput(Outputs(x, w)));

    /// <summary>SA-pos: f = uᵀ O_pos (0-based position, default the first token).</summary>
    public static double ForwardPosition(double[][] x, double[][] w, double[] u, int position = 0)
        => Vec.Dot(u, PromptAttention.WeightedSum(x, PromptAttention.AttentionWeights(x, Vec.MatTVec(w, x[position]))));

    /// <summary>
    /// SA-pool gradient: with g = X u and R_tj = A_tj (g_j − Σ_k A_tk g_k), ∂f/∂W = (1/T) Xᵀ R X and ∂f/∂u = (1/T) Σ_t O_t.
    /// </summary>
    public static (double[][] GradW, double[] GradU) PoolGradient(double[][] x, double[][] w, double[] u)
    {
        int T = x.Length, d = u.Length;
        var a = AttentionMatrix(x, w);
        var g = GValues(x, u);
        var gradW = NewMatrix(d);
        var o = new double[T][];
        for (int t = 0; t < T; t++)
        {
            o[t] = PromptAttention.WeightedSum(x, a[t]);
            AddRowGradient(gradW, x, a[t], g, t, 1.0 / T);
        }
        return (gradW, PooledOutput(o));
    }

    /// <summary>SA-pos gradient: ∂f/∂W = x_pos (Σ_j R_pos,j x_j)ᵀ and ∂f/∂u = O_pos.</summary>
    public static (double[][] GradW, double[] GradU) PositionGradient(double[][] x, double[][] w, double[] u, int position = 0)
    {
        var row = PromptAttention.AttentionWeights(x, Vec.MatTVec(w, x[position]));
        var gradW = NewMatrix(u.Length);
        AddRowGradient(gradW, x, row, GValues(x, u), position, 1.0);
        return (gradW, PromptAttention.WeightedSum(x, row));
    }

    // gradW += scale · x_t (Σ_j R_tj x_j)ᵀ for one query row t.
    static void AddRowGradient(double[][] gradW, double[][] x, double[] row, double[] g, int t, double scale)
    {
        double gbar = Vec.Dot(row, g);
        var c = new double[x[0].Length];
        for (int j = 0; j < x.Length; j++) Vec.AddScaled(c, x[j], row[j] * (g[j] - gbar));
        for (int i = 0; i < gradW.Length; i++) Vec.AddScaled(gradW[i], c, scale * x[t][i]);
    }

    static double[] GValues(double[][] x, double[] u)
    {
        var g = new double[x.Length];
        for (int j = 0; j < x.Length; j++) g[j] = Vec.Dot(x[j], u);
        return g;
    }

    static double[] PooledOutput(double[][] o) => PromptAttention.Mean(o);

    static double[][] NewMatrix(int d)
    {
        var m = new double[d][];
        for (int i = 0; i < d; i++) m[i] = new double[d];
        return m;
    }
}
