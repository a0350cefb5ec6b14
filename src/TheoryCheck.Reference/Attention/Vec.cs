// Tiny dense helpers on double[], the one home for the attention reference code, its claims and its tests (internal,
// visible to those projects). Clarity over speed; not a public API.
using MathNet.Numerics.Distributions;

namespace TheoryCheck.Reference.Attention;

internal static class Vec
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    public static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>cos(a, b); 0 when either vector is zero (a frozen zero prompt has no direction).</summary>
    public static double Cos(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double na = Norm(a), nb = Norm(b);
        return na == 0 || nb == 0 ? 0 : Dot(a, b) / (na * nb);
    }

    /// <summary>c·a as a new array.</summary>
    public static double[] Scaled(ReadOnlySpan<double> a, double c)
    {
        var r = new double[a.Length];
        for (int i = 0; i < a.Length; i++) r[i] = c * a[i];
        return r;
    }

    /// <summary>acc += c·a, in place.</summary>
    public static void AddScaled(Span<double> acc, ReadOnlySpan<double> a, double c)
    {
        for (int i = 0; i < acc.Length; i++) acc[i] += c * a[i];
    }

    /// <summary>W p for W given as rows, shape (d, d)·(d).</summary>
    public static double[] MatVec(double[][] w, double[] p)
    {
        var r = new double[w.Length];
        for (int i = 0; i < w.Length; i++) r[i] = Dot(w[i], p);
        return r;
    }

    /// <summary>Wᵀ g for W given as rows.</summary>
    public static double[] MatTVec(double[][] w, double[] g)
    {
        var r = new double[w[0].Length];
        for (int i = 0; i < w.Length; i++) AddScaled(r, w[i], g[i]);
        return r;
    }

    /// <summary>Removes the component along the unit vector u, in place.</summary>
    public static void ProjectOut(Span<double> a, ReadOnlySpan<double> u) => AddScaled(a, u, -Dot(a, u));

    /// <summary>d i.i.d. N(0, 1) draws; the array overload keeps both polar-method values (half the cost of Sample).</summary>
    public static double[] Gaussian(int d, Random rng)
    {
        var r = new double[d];
        Normal.Samples(rng, r, 0, 1);
        return r;
    }

    /// <summary>Central differences (f(x + h e_i) − f(x − h e_i)) / 2h, the gradient oracle for analytic and autograd gradients.</summary>
    public static double[] CentralGradient(Func<double[], double> f, double[] x, double h = 1e-6)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            var up = (double[])x.Clone(); up[i] += h;
            var dn = (double[])x.Clone(); dn[i] -= h;
            g[i] = (f(up) - f(dn)) / (2 * h);
        }
        return g;
    }

    /// <summary>Uniform random permutation of 0..n−1 (Fisher–Yates).</summary>
    public static int[] Permutation(int n, Random rng)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }
}
