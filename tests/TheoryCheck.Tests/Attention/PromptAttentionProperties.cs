// Exact identities of the reference attention models (P2 summary §6 items 1–3): PA ≡ linear at p = 0, analytic
// gradients vs central differences, softmax invariances. Pure math, so FsCheck's default case counts are affordable.
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TheoryCheck.Reference.Attention;
using static TheoryCheck.Tests.Attention.TestVectors;

namespace TheoryCheck.Tests.Attention;

[Trait("Tier", "Fast")]
public sealed class PromptAttentionProperties
{
    const double GradTol = 1e-5;

    [Property]
    public Property PromptAttentionAtZeroPromptIsLinear() =>
        Prop.ForAll(AttentionArbitraries.Tokens(), c =>
        {
            var (x, _, v) = c.Draw();
            double pa = PromptAttention.Forward(x, new double[c.D], v), lin = PromptAttention.Linear(x, v);
            Assert.True(Math.Abs(pa - lin) <= 1e-10, $"f_PA(p=0) = {pa}, f_lin = {lin}");
        });

    [Property]
    public Property SoftmaxIsAProbabilityVectorEvenForHugeScores() =>
        Prop.ForAll(AttentionArbitraries.Tokens(), c =>
        {
            var (x, p, _) = c.Draw();
            var s = PromptAttention.Softmax(PromptAttention.Scores(x, Scale(p, 1e4)));
            Assert.All(s, w => Assert.True(w >= 0 && double.IsFinite(w)));
            Assert.Equal(1.0, s.Sum(), 12);
        });

    [Property(MaxTest = 50)]
    public Property PromptAttentionGradientsMatchFiniteDifferences() =>
        Prop.ForAll(AttentionArbitraries.Tokens(maxT: 20, maxD: 16), c =>
        {
            var (x, p, v) = c.Draw();
            var w = RandomMatrix(c.D, new Random(c.Seed + 1), 1.0 / Math.Sqrt(c.D));
            foreach (var wm in new[] { null, w })
            {
                var (gp, gv) = PromptAttention.Gradient(x, p, v, wm);
                AssertClose(gp, NumericGradient(q => PromptAttention.Forward(x, q, v, wm), p), "dPA/dp");
                AssertClose(gv, NumericGradient(u => PromptAttention.Forward(x, p, u, wm), v), "dPA/dv");
                var (lp, lv) = PromptAttention.LinearPromptAttentionGradient(x, p, v, wm);
                AssertClose(lp, NumericGradient(q => PromptAttention.LinearPromptAttention(x, q, v, wm), p), "dLPA/dp");
                AssertClose(lv, NumericGradient(u => PromptAttention.LinearPromptAttention(x, p, u, wm), v), "dLPA/dv");
            }
        });

    [Property(MaxTest = 30)]
    public Property SelfAttentionGradientsMatchFiniteDifferences() =>
        Prop.ForAll(AttentionArbitraries.Tokens(maxT: 12, maxD: 8), c =>
        {
            var (x, _, u) = c.Draw();
            int d = c.D, pos = c.Seed % c.T;
            var w = RandomMatrix(d, new Random(c.Seed + 2), c.PromptScale / d);
            var (gw, gu) = SelfAttention.PoolGradient(x, w, u);
            AssertClose(Flatten(gw), NumericGradient(f => SelfAttention.ForwardPool(x, Unflatten(f, d), u), Flatten(w)), "dSApool/dW");
            AssertClose(gu, NumericGradient(f => SelfAttention.ForwardPool(x, w, f), u), "dSApool/du");
            var (hw, hu) = SelfAttention.PositionGradient(x, w, u, pos);
            AssertClose(Flatten(hw), NumericGradient(f => SelfAttention.ForwardPosition(x, Unflatten(f, d), u, pos), Flatten(w)), "dSApos/dW");
            AssertClose(hu, NumericGradient(f => SelfAttention.ForwardPosition(x, w, f, pos), u), "dSApos/du");
        });

    [Property]
    public Property PromptAttentionIsInvariantToTokenPermutation() =>
        Prop.ForAll(AttentionArbitraries.Tokens(), c =>
        {
            var (x, p, v) = c.Draw();
            var rng = new Random(c.Seed + 3);
            var shuffled = x.OrderBy(_ => rng.Next()).ToArray();
            double f = PromptAttention.Forward(x, p, v), g = PromptAttention.Forward(shuffled, p, v);
            Assert.True(Math.Abs(f - g) <= 1e-12 * Math.Max(1, Math.Abs(f)), $"f = {f}, permuted f = {g}");
        });

    [Property]
    public Property PromptAttentionIgnoresPromptDirectionsOrthogonalToAllTokens() =>
        Prop.ForAll(AttentionArbitraries.Tokens(maxT: 10, maxD: 32), c =>
        {
            var (x, p, v) = c.Draw();
            if (c.T >= c.D) return; // the tokens span ℝ^d: no orthogonal direction exists
            var extra = Gaussian(c.D, new Random(c.Seed + 4));
            var basis = new List<double[]>();
            foreach (var tok in x) basis.Add(Orthonormalize(tok, basis));
            extra = Scale(Orthonormalize(extra, basis), 5);
            double f = PromptAttention.Forward(x, p, v);
            double g = PromptAttention.Forward(x, p.Zip(extra, (a, b) => a + b).ToArray(), v);
            Assert.True(Math.Abs(f - g) <= 1e-12 * Math.Max(1, Math.Abs(f)), $"f = {f}, shifted f = {g}");
        });

    [Property]
    public Property PromptAttentionDependsOnWAndPOnlyThroughWp() =>
        Prop.ForAll(AttentionArbitraries.Tokens(maxT: 20, maxD: 16), c =>
        {
            var (x, p, v) = c.Draw();
            var w = RandomMatrix(c.D, new Random(c.Seed + 5), 1.0 / Math.Sqrt(c.D));
            var wp = w.Select(row => Dot(row, p)).ToArray();
            double f = PromptAttention.Forward(x, p, v, w), g = PromptAttention.Forward(x, wp, v);
            Assert.True(Math.Abs(f - g) <= 1e-12 * Math.Max(1, Math.Abs(f)), $"f(W, p) = {f}, f(I, Wp) = {g}");
        });

    [Fact]
    public void LinearPromptAttentionIsVTransposeSecondMomentTimesWpOverT()
    {
        var (x, p, v) = new TokenCase(7, 9, 5, 1).Draw();
        double s2 = 0;
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                s2 += v[i] * x.Sum(t => t[i] * t[j]) * p[j];
        Assert.Equal(s2 / 9, PromptAttention.LinearPromptAttention(x, p, v), 12);
    }

    static double[] Orthonormalize(double[] a, List<double[]> basis)
    {
        var r = (double[])a.Clone();
        for (int pass = 0; pass < 2; pass++) // twice: classical Gram–Schmidt loses orthogonality once
            foreach (var b in basis) r = Sub(r, Scale(b, Dot(r, b)));
        return Scale(r, 1 / Norm(r));
    }

    static void AssertClose(double[] analytic, double[] numeric, string what)
    {
        double scale = Math.Max(Norm(analytic), 1e-3); // guards the near-zero-gradient case against roundoff
        double err = Norm(Sub(analytic, numeric)) / scale;
        Assert.True(err <= GradTol, FormattableString.Invariant($"{what}: relative error {err:E2} (|grad| = {Norm(analytic):E2})"));
    }
}
