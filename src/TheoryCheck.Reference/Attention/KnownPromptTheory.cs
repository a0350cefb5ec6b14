// Known prompt p = Γq̂, learned head: exact (proportional-asymptotic) test-error formulas of P2 summary §4.4.
// Valid only for F-gauss with q-orthogonal noise, where the attention weights are deterministic.
using MathNet.Numerics;

namespace TheoryCheck.Reference.Attention;

/// <summary>
/// Law of the attended feature h = Xᵀs under p = Γq̂: h = a q⋆ + y·a v⋆ + ξ, ξ ~ N(0, σ_eff² P⊥).
/// Weights: w_r = e/D per relevant token, w_i = 1/D per distractor, e = e^{ΓQ}, D = k e + m; M = aV, d′ = d − 1.
/// </summary>
public sealed record AttendedMixture(double RelevantWeight, double IrrelevantWeight, double A, double SigmaEff2, double M, int NoiseDim)
{
    public double SigmaEff => Math.Sqrt(SigmaEff2);

    /// <summary>Computes the mixture for the config's Γ; throws unless Family = Gauss and QOrthogonalNoise is on.</summary>
    public static AttendedMixture From(ContextualMixtureConfig c)
    {
        c.Validate();
        if (c.Family != DistractorFamily.Gauss || !c.QOrthogonalNoise)
            throw new ArgumentException("known-prompt formulas need F-gauss with q-orthogonal noise (else the attention weights are data-dependent)");
        int k = c.RelevantCount, m = c.IrrelevantCount;
        // Everything is divided by e = e^{ΓQ} (ε = 1/e) so that large Γ cannot overflow.
        double eps = Math.Exp(-c.Gamma * c.Q), dn = k + m * eps;
        double s2 = (c.Sigma * c.Sigma * (k + m * eps * eps) + c.SigmaDelta * c.SigmaDelta * m * eps * eps) / (dn * dn);
        double a = k / dn;
        return new AttendedMixture(1 / dn, eps / dn, a, s2, a * c.V, c.D - 1);
    }
}

/// <summary>Test-error formulas for the mean-difference, ridge and ridgeless heads, and the n → ∞ limit.</summary>
public static class KnownPromptTheory
{
    /// <summary>Gaussian tail Φ̄(x) = ½ erfc(x/√2).</summary>
    public static double PhiBar(double x) => 0.5 * SpecialFunctions.Erfc(x / Math.Sqrt(2));

    /// <summary>base(n) = M² / (σ_eff √(M² + σ_eff² d′/n)), the mean-difference head's effective SNR; n ≥ 1.</summary>
    public static double BaseSnr(AttendedMixture mix, int n)
        => mix.M * mix.M / (mix.SigmaEff * Math.Sqrt(mix.M * mix.M + mix.SigmaEff2 * mix.NoiseDim / n));

    /// <summary>Mean-difference head v̂ = (1/n)Σ y_i h_i, exactly balanced labels: err → Φ̄(base(n)), n = c.N.</summary>
    public static double MeanDifferenceError(ContextualMixtureConfig c) => PhiBar(BaseSnr(AttendedMixture.From(c), c.N));

    /// <summary>
    /// Marchenko–Pastur Stieltjes transform m(z) = lim (1/d′) tr(GᵀG/n − z)^{−1} at z &lt; 0 for ratio γ = d′/n &gt; 0:
    /// the positive root of γ z m² + (z − 1 + γ) m + 1 = 0, and m′(z) = −(γm² + m)/(2γzm + z − 1 + γ).
    /// </summary>
    public static (double M, double MPrime) MarchenkoPastur(double ratio, double z)
    {
        if (!(z < 0) || !(ratio > 0)) throw new ArgumentException(FormattableString.Invariant($"need z < 0 and ratio > 0, got z = {z}, ratio = {ratio}"));
        double a = ratio * z, b = z - 1 + ratio;
        // Roots have product 1/(γz) < 0, so exactly one is positive; the cancellation-free quadratic formula.
        double sq = Math.Sqrt(b * b - 4 * a), qq = -0.5 * (b + (b >= 0 ? sq : -sq));
        double r1 = qq / a, r2 = 1 / qq;
        double m = r1 > 0 ? r1 : r2;
        double mPrime = -(ratio * m * m + m) / (2 * ratio * z * m + z - 1 + ratio);
        return (m, mPrime);
    }

    /// <summary>
    /// τ₁ = (1/d′) tr B^{−1}, τ₂ = (1/d′) tr B^{−2} for B = σ_eff² GᵀG + λI, G (n, d′) standard Gaussian, λ &gt; 0:
    /// τ₁ = m/(σ_eff² n), τ₂ = m′/(σ_eff² n)² at z = −λ/(σ_eff² n).
    /// </summary>
    public static (double Tau1, double Tau2) RidgeTaus(double sigmaEff2, int n, int noiseDim, double lambda)
    {
        if (!(lambda > 0)) throw new ArgumentException(FormattableString.Invariant($"ridge taus need lambda > 0, got {lambda}"));
        double scale = sigmaEff2 * n;
        var (m, mp) = MarchenkoPastur((double)noiseDim / n, -lambda / scale);
        return (m / scale, mp / (scale * scale));
    }

    /// <summary>Ridgeless factor τ₁/√τ₂: √(1 − γ) if n &gt; d′, √(1 − 1/γ) if n &lt; d′, 0 at n = d′ (γ = d′/n).</summary>
    public static double RidgelessFactor(int n, int noiseDim)
    {
        double ratio = (double)noiseDim / n;
        return n > noiseDim ? Math.Sqrt(1 - ratio) : n < noiseDim ? Math.Sqrt(1 - 1 / ratio) : 0;
    }

    /// <summary>τ₁/√τ₂ ≤ 1 for the config's n and λ (λ = 0: ridgeless limit).</summary>
    public static double RidgeFactor(ContextualMixtureConfig c)
    {
        var mix = AttendedMixture.From(c);
        if (c.Lambda == 0) return RidgelessFactor(c.N, mix.NoiseDim);
        var (t1, t2) = RidgeTaus(mix.SigmaEff2, c.N, mix.NoiseDim, c.Lambda);
        return t1 / Math.Sqrt(t2);
    }

    /// <summary>Ridge head v̂ = (HᵀH + λI)^{−1}Hᵀy: err → Φ̄((τ₁/√τ₂)·base(n)) with n = c.N, λ = c.Lambda (0 = ridgeless).</summary>
    public static double RidgeError(ContextualMixtureConfig c)
        => PhiBar(RidgeFactor(c) * BaseSnr(AttendedMixture.From(c), c.N));

    /// <summary>Minimum-norm least squares (λ → 0); equals ½ at n = d′ (double-descent peak).</summary>
    public static double RidgelessError(ContextualMixtureConfig c) => RidgeError(c with { Lambda = 0 });

    /// <summary>SNR(Γ) = M/σ_eff = kVe / √(σ²(ke² + m) + σ_δ²m), increasing in Γ; the n → ∞ limit of every head above.</summary>
    public static double Snr(ContextualMixtureConfig c)
    {
        var mix = AttendedMixture.From(c);
        return mix.M / mix.SigmaEff;
    }

    /// <summary>Limit error Φ̄(SNR(Γ)) as n → ∞.</summary>
    public static double LimitError(ContextualMixtureConfig c) => PhiBar(Snr(c));

    /// <summary>Benefit of context SNR(∞)/SNR(0) = √((σ² + (1−ζ)σ_δ²)/(ζσ²)) ≥ 1/√ζ; needs σ &gt; 0.</summary>
    public static double ContextGain(ContextualMixtureConfig c)
        => Math.Sqrt((c.Sigma * c.Sigma + (1 - c.Zeta) * c.SigmaDelta * c.SigmaDelta) / (c.Zeta * c.Sigma * c.Sigma));

    /// <summary>
    /// Exact test error of a fixed head w on the attended distribution:
    /// ½ Σ_{y=±1} Φ̄((a wᵀv⋆ + y a wᵀq⋆) / (σ_eff ‖P⊥w‖)). Lets a simulation score a head without sampling a test set.
    /// </summary>
    public static double ConditionalError(double[] w, AttendedMixture mix, MixtureInstance inst)
    {
        var perp = (double[])w.Clone();
        Vec.ProjectOut(perp, inst.QHat);
        double sd = mix.SigmaEff * Vec.Norm(perp);
        double sv = mix.A * Vec.Dot(w, inst.VStar), sq = mix.A * Vec.Dot(w, inst.QStar);
        return 0.5 * (PhiBar((sv + sq) / sd) + PhiBar((sv - sq) / sd));
    }
}
