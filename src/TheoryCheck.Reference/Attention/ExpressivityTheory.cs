// Closed forms for P2's expressivity checks (summary §4.2): E1 selection bound on F-box, E2 margin on F-matched.
// Both are exact, non-asymptotic statements for the oracle prompt p = Γq̂ and head v = v⋆ (noiseless data).
namespace TheoryCheck.Reference.Attention;

/// <summary>E1 (F-box) and E2 (F-matched) reference values.</summary>
public static class ExpressivityTheory
{
    /// <summary>
    /// E1: relevant attention mass a(Γ) ≥ 1 / (1 + ((1−ζ)/ζ) e^{−ΓγQ}) for every F-box sequence, since relevant
    /// scores equal ΓQ and irrelevant ones are ≤ Γ(1−γ)Q. ζ ∈ (0,1], Γ ≥ 0, γ ∈ (0,1], Q &gt; 0.
    /// </summary>
    public static double RelevantMassLowerBound(double zeta, double gamma, double boxMargin, double q)
        => 1 / (1 + (1 - zeta) / zeta * Math.Exp(-gamma * boxMargin * q));

    /// <summary>E1 bound for the config's ζ, Γ, γ, Q.</summary>
    public static double RelevantMassLowerBound(ContextualMixtureConfig c)
        => RelevantMassLowerBound(c.Zeta, c.Gamma, c.BoxMargin, c.Q);

    /// <summary>E1 margin bound y·f ≥ aV² − (1−a)BV for relevant mass a.</summary>
    public static double MarginLowerBound(double relevantMass, double v, double boxBound)
        => relevantMass * v * v - (1 - relevantMass) * boxBound * v;

    /// <summary>
    /// E1 threshold Γ* = ln((1−ζ)B/(ζV)) / (γQ): for Γ &gt; Γ* accuracy is exactly 1. A value ≤ 0 means every Γ &gt; 0
    /// suffices; B = 0 gives −∞. Needs ζ ∈ (0,1), V &gt; 0, γ &gt; 0, Q &gt; 0.
    /// </summary>
    public static double CriticalPromptNorm(double zeta, double boxBound, double v, double boxMargin, double q)
        => Math.Log((1 - zeta) * boxBound / (zeta * v)) / (boxMargin * q);

    /// <summary>E1 threshold Γ* for the config.</summary>
    public static double CriticalPromptNorm(ContextualMixtureConfig c)
        => CriticalPromptNorm(c.Zeta, c.BoxBound, c.V, c.BoxMargin, c.Q);

    /// <summary>g(u) = e^u − e^{αu}/α + 1/α − 1, positive for u &gt; 0 and α ∈ (0,1).</summary>
    public static double MatchedG(double u, double alpha) => Math.Exp(u) - Math.Exp(alpha * u) / alpha + 1 / alpha - 1;

    /// <summary>
    /// E2: on noiseless F-matched with p = Γq̂, v = v⋆, every sequence has margin
    /// y·f = V² ζ g(ΓQ) / (ζ e^{ΓQ} + r e^{αΓQ} + r), r = (1−ζ)/2. Reference: ζ = 0.2, α = ½, Q = 2, V = 1, Γ = 1 → 0.19915.
    /// </summary>
    public static double MatchedMargin(double zeta, double alpha, double q, double v, double gamma)
    {
        double u = gamma * q, r = (1 - zeta) / 2;
        // Divide numerator and denominator by e^u so large Γ does not overflow (margin → V² as Γ → ∞).
        double num = 1 - Math.Exp((alpha - 1) * u) / alpha + (1 / alpha - 1) * Math.Exp(-u);
        double den = zeta + r * Math.Exp((alpha - 1) * u) + r * Math.Exp(-u);
        return v * v * zeta * num / den;
    }

    /// <summary>E2 margin for the config's ζ, α, Q, V, Γ.</summary>
    public static double MatchedMargin(ContextualMixtureConfig c) => MatchedMargin(c.Zeta, c.Alpha, c.Q, c.V, c.Gamma);
}
