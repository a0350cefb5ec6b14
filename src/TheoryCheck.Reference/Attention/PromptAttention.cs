// Exact prompt-attention family of P2 (summary §2.2–2.4) in doubles: f_PA, f_lin, f_LPA and analytic gradients.
// The independent oracle for the TorchSharp models. A sequence X is X[t][j], shape (T, d); W = null means identity.
namespace TheoryCheck.Reference.Attention;

/// <summary>f_PA(X; p, v) = vᵀ Xᵀ softmax(X W p), plus the linear (uniform) and linear-score (LPA) variants.</summary>
public static class PromptAttention
{
    /// <summary>softmax(a)_t = exp(a_t − max a) / Σ_j exp(a_j − max a); stable for any finite scores.</summary>
    public static double[] Softmax(ReadOnlySpan<double> a)
    {
        double max = double.NegativeInfinity;
        foreach (var v in a) max = Math.Max(max, v);
        var s = new double[a.Length];
        double sum = 0;
        for (int t = 0; t < a.Length; t++) sum += s[t] = Math.Exp(a[t] - max);
        for (int t = 0; t < a.Length; t++) s[t] /= sum;
        return s;
    }

    /// <summary>Scores a_t = x_tᵀ W p, shape (T).</summary>
    public static double[] Scores(double[][] x, double[] p, double[][]? w = null)
    {
        var q = w is null ? p : Vec.MatVec(w, p);
        var a = new double[x.Length];
        for (int t = 0; t < x.Length; t++) a[t] = Vec.Dot(x[t], q);
        return a;
    }

    /// <summary>Attention weights s = softmax(X W p) over the T token positions.</summary>
    public static double[] AttentionWeights(double[][] x, double[] p, double[][]? w = null) => Softmax(Scores(x, p, w));

    /// <summary>Attended feature h = Xᵀ s, shape (d).</summary>
    public static double[] AttendedFeature(double[][] x, double[] p, double[][]? w = null)
        => WeightedSum(x, AttentionWeights(x, p, w));

    /// <summary>f_PA(X; p, v) = Σ_t s_t vᵀx_t.</summary>
    public static double Forward(double[][] x, double[] p, double[] v, double[][]? w = null)
        => Vec.Dot(v, AttendedFeature(x, p, w));

    /// <summary>Attention mass on the relevant set, Σ_{t∈R} s_t ∈ [0, 1].</summary>
    public static double RelevantMass(double[] s, bool[] relevant)
    {
        double a = 0;
        for (int t = 0; t < s.Length; t++) if (relevant[t]) a += s[t];
        return a;
    }

    /// <summary>Relevant mass of f_PA's attention on one sequence.</summary>
    public static double RelevantMass(double[][] x, bool[] relevant, double[] p, double[][]? w = null)
        => RelevantMass(AttentionWeights(x, p, w), relevant);

    /// <summary>Token mean x̄ = (1/T) Σ_t x_t, shape (d); also ∂f_lin/∂v.</summary>
    public static double[] Mean(double[][] x)
    {
        var m = new double[x[0].Length];
        foreach (var tok in x) Vec.AddScaled(m, tok, 1.0 / x.Length);
        return m;
    }

    /// <summary>f_lin(X; v) = vᵀ x̄ (uniform attention).</summary>
    public static double Linear(double[][] x, double[] v) => Vec.Dot(v, Mean(x));

    /// <summary>f_LPA(X; p, v) = (1/T) Σ_t (x_tᵀ W p)(vᵀ x_t): softmax replaced by the identity on the scores.</summary>
    public static double LinearPromptAttention(double[][] x, double[] p, double[] v, double[][]? w = null)
    {
        var a = Scores(x, p, w);
        double f = 0;
        for (int t = 0; t < x.Length; t++) f += a[t] * Vec.Dot(v, x[t]);
        return f / x.Length;
    }

    /// <summary>
    /// Analytic gradient of f_PA: ∂f/∂v = Xᵀs; ∂f/∂p = Wᵀ Xᵀ(diag(s) − ssᵀ)X v = Wᵀ Σ_t s_t (vᵀx_t − Σ_j s_j vᵀx_j) x_t.
    /// </summary>
    public static (double[] GradP, double[] GradV) Gradient(double[][] x, double[] p, double[] v, double[][]? w = null)
    {
        var s = AttentionWeights(x, p, w);
        var gradV = WeightedSum(x, s);
        double fbar = Vec.Dot(v, gradV);
        var gq = new double[v.Length];
        for (int t = 0; t < x.Length; t++) Vec.AddScaled(gq, x[t], s[t] * (Vec.Dot(v, x[t]) - fbar));
        return (w is null ? gq : Vec.MatTVec(w, gq), gradV);
    }

    /// <summary>Analytic gradient of f_LPA: ∂f/∂p = (1/T) Wᵀ Σ_t (vᵀx_t) x_t; ∂f/∂v = (1/T) Σ_t (x_tᵀWp) x_t.</summary>
    public static (double[] GradP, double[] GradV) LinearPromptAttentionGradient(
        double[][] x, double[] p, double[] v, double[][]? w = null)
    {
        var a = Scores(x, p, w);
        var gq = new double[v.Length];
        var gv = new double[v.Length];
        for (int t = 0; t < x.Length; t++)
        {
            Vec.AddScaled(gq, x[t], Vec.Dot(v, x[t]) / x.Length);
            Vec.AddScaled(gv, x[t], a[t] / x.Length);
        }
        return (w is null ? gq : Vec.MatTVec(w, gq), gv);
    }

    /// <summary>Σ_t s_t x_t, shape (d).</summary>
    internal static double[] WeightedSum(double[][] x, double[] s)
    {
        var h = new double[x[0].Length];
        for (int t = 0; t < x.Length; t++) Vec.AddScaled(h, x[t], s[t]);
        return h;
    }
}
