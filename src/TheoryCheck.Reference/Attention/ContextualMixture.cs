// Sampler for P2's contextual mixture model (team summary §3): relevant tokens q⋆ + y v⋆ + z, distractors δ + z.
// Exact generator in doubles; every random draw comes from the caller's Random, never a global one.
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace TheoryCheck.Reference.Attention;

/// <summary>
/// One draw of the model's fixed directions: unit vectors q̂ ⊥ v̂ and strengths Q, V (q⋆ = Q q̂, v⋆ = V v̂).
/// Train and test sets of one experiment must share an instance. Arrays are shared: do not mutate them.
/// </summary>
public sealed record MixtureInstance(double[] QHat, double[] VHat, double Q, double V)
{
    /// <summary>Context vector q⋆ = Q q̂, shape (d).</summary>
    public double[] QStar { get; } = Vec.Scaled(QHat, Q);
    /// <summary>Class vector v⋆ = V v̂, shape (d).</summary>
    public double[] VStar { get; } = Vec.Scaled(VHat, V);
    /// <summary>The oracle prompt p = Γ q̂ (Γ ≥ 0).</summary>
    public double[] ContextPrompt(double gamma) => Vec.Scaled(QHat, gamma);
}

/// <summary>
/// A sampled data set. Layout: <c>X[i][t][j]</c> = coordinate j of token t of sequence i, shape (n, T, d);
/// <c>Relevant[i][t]</c> marks t ∈ R_i; labels are ±1. Arrays are shared: do not mutate them.
/// </summary>
public sealed record MixtureDataset(double[][][] X, int[] Y, bool[][] Relevant, MixtureInstance Instance)
{
    public int Count => Y.Length;
    /// <summary>q⋆ used for this data set (after the rotation, if any).</summary>
    public double[] QStar => Instance.QStar;
    /// <summary>v⋆ used for this data set (after the rotation, if any).</summary>
    public double[] VStar => Instance.VStar;
}

/// <summary>Draws instances and labelled sequences of the contextual mixture model.</summary>
public static class ContextualMixture
{
    /// <summary>Validates the config, draws an instance and n labelled sequences (n ≥ 1; even if labels are balanced).</summary>
    public static MixtureDataset Sample(ContextualMixtureConfig config, int n, Random rng)
    {
        config.Validate();
        return Sample(config, DrawInstance(config, rng), n, rng);
    }

    /// <summary>Draws n sequences for a given instance (use this for a test set that must share q⋆, v⋆ with training).</summary>
    public static MixtureDataset Sample(ContextualMixtureConfig config, MixtureInstance instance, int n, Random rng)
    {
        config.Validate();
        if (n < 1) throw new ArgumentException($"n must be >= 1, got {n}");
        if (config.BalancedLabels && n % 2 != 0) throw new ArgumentException($"balanced labels need an even n, got {n}");
        var y = DrawLabels(n, config.BalancedLabels, rng);
        var x = new double[n][][];
        var rel = new bool[n][];
        for (int i = 0; i < n; i++) (x[i], rel[i]) = SampleSequence(config, instance, y[i], rng);
        return new MixtureDataset(x, y, rel, instance);
    }

    /// <summary>q̂, v̂ = e₁, e₂, or the first two columns of a Haar orthogonal matrix when <c>Rotate</c> is on.</summary>
    public static MixtureInstance DrawInstance(ContextualMixtureConfig config, Random rng)
    {
        int d = config.D;
        if (!config.Rotate)
        {
            var e1 = new double[d]; e1[0] = 1;
            var e2 = new double[d]; e2[1] = 1;
            return new MixtureInstance(e1, e2, config.Q, config.V);
        }
        var o = RandomOrthogonal(d, rng);
        return new MixtureInstance(o.Column(0).ToArray(), o.Column(1).ToArray(), config.Q, config.V);
    }

    /// <summary>
    /// Haar-distributed orthogonal d×d matrix: QR of a standard Gaussian matrix, each column of Q multiplied by
    /// sign(R_jj) so that the factorisation is unique (without the fix the law is not Haar).
    /// </summary>
    public static Matrix<double> RandomOrthogonal(int d, Random rng)
    {
        var g = Matrix<double>.Build.Dense(d, d, (_, _) => Normal.Sample(rng, 0, 1));
        var qr = g.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < d; j++)
            if (qr.R[j, j] < 0) q.SetColumn(j, -q.Column(j));
        return q;
    }

    /// <summary>
    /// One sequence X (T, d) with the given label (±1) and its relevant mask. The random draws do not depend on the
    /// label, so two Randoms with the same seed and opposite labels give the label-mirrored twin (E2 checks).
    /// The config is not re-validated here (hot loop); pass one that passed <see cref="ContextualMixtureConfig.Validate"/>.
    /// </summary>
    public static (double[][] Tokens, bool[] Relevant) SampleSequence(
        ContextualMixtureConfig config, MixtureInstance instance, int label, Random rng)
    {
        if (label != 1 && label != -1) throw new ArgumentException($"label must be +1 or -1, got {label}");
        int T = config.T, k = config.RelevantCount;
        var order = Vec.Permutation(T, rng); // order[0..k) are the relevant positions, the rest distractor slots
        var x = new double[T][];
        var rel = new bool[T];
        for (int j = 0; j < T; j++)
        {
            int t = order[j];
            double[] tok;
            if (j < k)
            {
                rel[t] = true;
                tok = (double[])instance.QStar.Clone();
                Vec.AddScaled(tok, instance.VStar, label);
            }
            else tok = Distractor(config, instance, label, j - k, rng);
            AddNoise(config, instance, tok, rng);
            x[t] = tok;
        }
        return (x, rel);
    }

    /// <summary>δ for the slot-th distractor of a sequence (slot ∈ [0, m)).</summary>
    static double[] Distractor(ContextualMixtureConfig c, MixtureInstance inst, int y, int slot, Random rng)
    {
        int d = c.D;
        switch (c.Family)
        {
            case DistractorFamily.Gauss:
            {
                var g = Vec.Gaussian(d, rng);
                Vec.ProjectOut(g, inst.QHat);
                return Vec.Scaled(g, c.SigmaDelta);
            }
            case DistractorFamily.Box:
            {
                // Concrete admissible choice: δᵀq̂ ~ U[−Q, (1−γ)Q], δᵀv̂ ~ U[−B, B] (label-independent),
                // the remaining d−2 coordinates N(0, σ_δ²) in span(q̂, v̂)⊥.
                var g = Vec.Gaussian(d, rng);
                Vec.ProjectOut(g, inst.QHat);
                Vec.ProjectOut(g, inst.VHat);
                var delta = Vec.Scaled(g, c.SigmaDelta);
                double top = (1 - c.BoxMargin) * c.Q;
                double aq = -c.Q + (top + c.Q) * rng.NextDouble();
                double av = c.BoxBound * (2 * rng.NextDouble() - 1);
                Vec.AddScaled(delta, inst.QHat, aq);
                Vec.AddScaled(delta, inst.VHat, av);
                return delta;
            }
            case DistractorFamily.Matched:
            {
                // The first half of the distractor slots are type A, the rest type B; positions are already shuffled.
                bool typeA = slot < c.IrrelevantCount / 2;
                var delta = new double[d];
                if (typeA)
                {
                    Vec.AddScaled(delta, inst.QStar, c.Alpha);
                    Vec.AddScaled(delta, inst.VStar, -y * c.MatchedBetaA);
                }
                else Vec.AddScaled(delta, inst.VStar, y * c.MatchedBetaB);
                return delta;
            }
            case DistractorFamily.Signed:
            {
                double s = rng.Next(2) == 0 ? -1 : 1;
                var delta = Vec.Scaled(inst.QStar, s * c.Alpha);
                Vec.AddScaled(delta, inst.VStar, s * y * c.Beta);
                return delta;
            }
            default:
                throw new ArgumentException($"unknown distractor family {c.Family}");
        }
    }

    static void AddNoise(ContextualMixtureConfig c, MixtureInstance inst, double[] tok, Random rng)
    {
        if (c.Sigma == 0) return;
        var z = Vec.Gaussian(c.D, rng);
        if (c.QOrthogonalNoise) Vec.ProjectOut(z, inst.QHat);
        Vec.AddScaled(tok, z, c.Sigma);
    }

    static int[] DrawLabels(int n, bool balanced, Random rng)
    {
        var y = new int[n];
        if (!balanced)
        {
            for (int i = 0; i < n; i++) y[i] = rng.Next(2) == 0 ? -1 : 1;
            return y;
        }
        var perm = Vec.Permutation(n, rng);
        for (int i = 0; i < n; i++) y[perm[i]] = i < n / 2 ? 1 : -1;
        return y;
    }
}
