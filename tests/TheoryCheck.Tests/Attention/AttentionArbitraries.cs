// FsCheck generators and small helpers for the attention reference tests (P2). Cases carry a seed, not arrays,
// so a failing case prints compactly and replays exactly; no shrinking (cases are cheap but not meaningfully smaller).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Reference.Attention;

namespace TheoryCheck.Tests.Attention;

/// <summary>A random sequence X (T, d) with prompt p and head v, all drawn from <see cref="Seed"/>.</summary>
public sealed record TokenCase(int Seed, int T, int D, double PromptScale)
{
    public (double[][] X, double[] P, double[] V) Draw()
    {
        var rng = new Random(Seed);
        var x = Enumerable.Range(0, T).Select(_ => TestVectors.Gaussian(D, rng)).ToArray();
        return (x, TestVectors.Scale(TestVectors.Gaussian(D, rng), PromptScale / Math.Sqrt(D)), TestVectors.Gaussian(D, rng));
    }

    public override string ToString() => FormattableString.Invariant($"TokenCase(seed={Seed}, T={T}, d={D}, |p|~{PromptScale})");
}

/// <summary>F-box instance parameters in the E1 ranges of P2 summary §6.4.</summary>
public sealed record BoxCase(int Seed, ContextualMixtureConfig Config)
{
    public override string ToString() => FormattableString.Invariant(
        $"BoxCase(seed={Seed}, d={Config.D}, T={Config.T}, zeta={Config.Zeta}, Q={Config.Q}, gamma={Config.BoxMargin}, B={Config.BoxBound})");
}

/// <summary>F-matched (σ = 0) instance parameters in the E2 ranges of P2 summary §6.6–6.7.</summary>
public sealed record MatchedCase(int Seed, ContextualMixtureConfig Config)
{
    public override string ToString() => FormattableString.Invariant(
        $"MatchedCase(seed={Seed}, d={Config.D}, T={Config.T}, alpha={Config.Alpha}, Q={Config.Q}, Gamma={Config.Gamma})");
}

public static class AttentionArbitraries
{
    /// <summary>Uniform double in [lo, hi] on a 1/1000 grid (Gen.Choose is int-only in FsCheck 3).</summary>
    public static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 1000).Select(i => lo + (hi - lo) * i / 1000.0);

    public static Gen<int> Seeds => Gen.Choose(0, 1_000_000);

    public static Arbitrary<TokenCase> Tokens(int maxT = 50, int maxD = 64) => Arb.From(
        from seed in Seeds
        from t in Gen.Choose(1, maxT)
        from d in Gen.Choose(2, maxD)
        from scale in Uniform(0.1, 3)
        select new TokenCase(seed, t, d, scale));

    public static Arbitrary<BoxCase> Box() => Arb.From(
        from seed in Seeds
        from t in Gen.Elements(10, 20, 40)
        from k in Gen.Choose(Math.Max(1, (int)Math.Ceiling(0.05 * t)), t / 2)
        from d in Gen.Choose(4, 16)
        from q in Uniform(1, 3)
        from margin in Uniform(0.1, 0.5)
        from b in Uniform(1, 5)
        select new BoxCase(seed, new ContextualMixtureConfig
        {
            D = d, T = t, Zeta = (double)k / t, Q = q, V = 1, Sigma = 0, SigmaDelta = 1,
            Family = DistractorFamily.Box, BoxMargin = margin, BoxBound = b,
        }));

    public static Arbitrary<MatchedCase> Matched() => Arb.From(
        from seed in Seeds
        from t in Gen.Elements(10, 20)
        from d in Gen.Choose(4, 16)
        from alpha in Uniform(0.3, 0.8)
        from q in Uniform(1, 3)
        from v in Uniform(0.5, 2)
        from gamma in Uniform(0.05, 5)
        select new MatchedCase(seed, new ContextualMixtureConfig
        {
            D = d, T = t, Zeta = 0.2, Q = q, V = v, Sigma = 0, Alpha = alpha, Gamma = gamma,
            Family = DistractorFamily.Matched,
        }));
}

/// <summary>Test-only vector helpers; the arithmetic itself lives in the library's Vec (visible to the tests).</summary>
public static class TestVectors
{
    /// <summary>One Normal.Sample per entry: a different stream from Vec.Gaussian's, kept so the tests draw what they always drew.</summary>
    public static double[] Gaussian(int d, Random rng) =>
        Enumerable.Range(0, d).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray();

    public static double[] Scale(double[] a, double c) => Vec.Scaled(a, c);

    public static double Dot(double[] a, double[] b) => Vec.Dot(a, b);

    public static double Norm(double[] a) => Vec.Norm(a);

    public static double[] Sub(double[] a, double[] b) => a.Zip(b, (x, y) => x - y).ToArray();

    public static double Cos(double[] a, double[] b) => Vec.Cos(a, b);

    /// <summary>‖a − b‖ / max(‖a‖, ‖b‖, 1e−12): relative error of two vectors.</summary>
    public static double RelErr(double[] a, double[] b) => Norm(Sub(a, b)) / Math.Max(Math.Max(Norm(a), Norm(b)), 1e-12);

    /// <summary>Central finite-difference gradient of f at x with step h.</summary>
    public static double[] NumericGradient(Func<double[], double> f, double[] x, double h = 1e-6) => Vec.CentralGradient(f, x, h);

    public static double[][] RandomMatrix(int d, Random rng, double scale) =>
        Enumerable.Range(0, d).Select(_ => Scale(Gaussian(d, rng), scale)).ToArray();

    public static double[] Flatten(double[][] m) => m.SelectMany(r => r).ToArray();

    public static double[][] Unflatten(double[] flat, int d) =>
        Enumerable.Range(0, d).Select(i => flat.Skip(i * d).Take(d).ToArray()).ToArray();
}
