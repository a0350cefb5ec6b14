// PA-3: f_PA is unchanged by prompt directions orthogonal to every token, token permutations, and W ↦ (I, Wp).
// One of PA-1 … PA-3, exact identities of the TorchSharp attention models against the doubles oracle (p2 §2.2–2.5). Fast tier.
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;
using static TheoryCheck.Claims.Attention.AttentionSetup;
using static TheoryCheck.Reference.Attention.Vec;

namespace TheoryCheck.Claims.Attention;

/// <summary>PA-3: f_PA is unchanged by prompt directions orthogonal to every token, token permutations, and W ↦ (I, Wp).</summary>
public sealed class SoftmaxInvariances : Claim<TokenCase>
{
    public static readonly SoftmaxInvariances Claim = new();
    const int Sequences = 8;

    public override ClaimSpec Spec { get; } = new("PA-3", "P2", "§2.2 (only q = Wp enters; softmax over positions), §6.3", "PA",
        "The TorchSharp PA model's f is unchanged (≤ 1e-12) when a vector orthogonal to all tokens is added to p, under any permutation of the token rows, and when (W, p) is replaced by (I, Wp) for an invertible W.",
        new[] { Bound.AtMost("max_abs_change", 1e-12, "derived in the paper's setting (p2 §2.2): exact invariances; 1e-12 is p2 §6.3's tolerance, float64 rounding is ~1e-15 here") },
        "adding to p a random vector of the same norm that is NOT orthogonal to the tokens must fail",
        new ScalePresets("4 cases × 8 sequences", "12 cases × 8 sequences", "40 cases × 8 sequences"), Fast: true, EveryBoundControlled: true);

    public override int CaseCount(Scale scale) => scale.Pick(4, 12, 40);

    // 2 ≤ T < d: a non-zero direction orthogonal to every token exists, and T = 1 (one token, weight 1 for every p)
    // would make the control uninformative; PA-1 covers T = 1.
    public override Gen<TokenCase> Cases(Scale scale) =>
        from d in Gen.Choose(4, 32) from t in Gen.Choose(2, d - 1) from s in Seed select new TokenCase(s, t, d);

    public override IEnumerable<TokenCase> Shrink(TokenCase failing) => failing.Shrink(minT: 2, minD: 4, c => c.T < c.D);

    public override CaseOutcome Evaluate(TokenCase c, RunContext ctx)
    {
        var rng = new Random(c.Seed);
        var x = c.Draw(Sequences, rng);
        var p = Scaled(Gaussian(c.D, rng), 1 / Math.Sqrt(c.D));
        var v = Gaussian(c.D, rng);
        var w = Enumerable.Range(0, c.D).Select(i => Gaussian(c.D, rng).Select((g, j) => (i == j ? 1 : 0) + 0.3 * g / Math.Sqrt(c.D)).ToArray()).ToArray();
        using var pa = new AttentionClassifier(AttentionArchitecture.PromptAttention, c.D);
        double[] F(double[][][] xs, double[] prompt, double[][]? key = null)
        {
            pa.Set("prompt", prompt); pa.Set("head", v);
            pa.Set("key_query", (key ?? Identity(c.D)).SelectMany(r => r).ToArray());
            return pa.Predict(xs);
        }
        double Worst(double[] a, double[] b) => a.Select((f, i) => Math.Abs(f - b[i])).Max();
        var baseline = F(x, p);

        // Per sequence: p + g with g ⊥ every token (the projection of a Gaussian onto the tokens' orthogonal complement).
        double orth = 0, control = 0;
        for (int i = 0; i < x.Length; i++)
        {
            var g = OrthogonalTo(x[i], Gaussian(c.D, rng));
            var shifted = p.Select((pj, j) => pj + 3 * g[j] / Norm(g)).ToArray();
            orth = Math.Max(orth, Math.Abs(F(new[] { x[i] }, shifted)[0] - baseline[i]));
            var r = Gaussian(c.D, rng);
            var generic = p.Select((pj, j) => pj + 3 * r[j] / Norm(r)).ToArray();
            control = Math.Max(control, Math.Abs(F(new[] { x[i] }, generic)[0] - baseline[i]));
        }
        var permuted = x.Select(s => s.OrderBy(_ => rng.Next()).ToArray()).ToArray();
        double perm = Worst(F(permuted, p), baseline);
        var wp = w.Select(row => Dot(row, p)).ToArray();
        double key = Worst(F(x, p, w), F(x, wp));
        double worst = Math.Max(orth, Math.Max(perm, key));
        return new CaseOutcome(c + $" (orth {orth:G2}, perm {perm:G2}, W {key:G2})", new[] { Measurement.Exact(worst) },
                               new Measurement?[] { Measurement.Exact(control) });
    }

    static double[][] Identity(int d) => Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Select(j => i == j ? 1.0 : 0).ToArray()).ToArray();

    /// <summary>g − Xᵀ(XXᵀ)⁻¹Xg: the component of g orthogonal to the rows of X (T &lt; d, rows in general position).</summary>
    static double[] OrthogonalTo(double[][] tokens, double[] g)
    {
        var m = Matrix<double>.Build.DenseOfRowArrays(tokens);
        var gv = Vector<double>.Build.DenseOfArray(g);
        var coef = (m * m.Transpose()).Solve(m * gv);
        var r = gv - m.Transpose() * coef;
        // One refinement pass removes the solve's rounding residue.
        r -= m.Transpose() * (m * m.Transpose()).Solve(m * r);
        return r.ToArray();
    }
}
