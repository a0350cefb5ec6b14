// Population predictions for the first two GD steps on F-gauss from p₀ = v₀ = 0 (P2 summary §4.3).
// v₁ → ηcζ v⋆ and p₂ → η²c²ζ²(1−ζ)V² q⋆ (first order in η); c = ½ (logistic) or 1 (squared loss).
namespace TheoryCheck.Reference.Attention;

/// <summary>Reference values for the initial GD trajectory of f_PA (W = I).</summary>
public static class GradientDescentTheory
{
    /// <summary>c = −y·∂Loss/∂f at f = 0: ½ for the logistic loss, 1 for the squared loss.</summary>
    public static double LossConstant(LossKind kind) => kind == LossKind.Logistic ? 0.5 : 1.0;

    /// <summary>Coefficient κ₁ = ηcζ with v₁ → κ₁ v⋆ (E[y x̄] = ζ v⋆).</summary>
    public static double HeadStepOneCoefficient(double eta, double zeta, LossKind kind) => eta * LossConstant(kind) * zeta;

    /// <summary>Population v₁ = ηcζ v⋆, shape (d).</summary>
    public static double[] HeadAfterStepOne(ContextualMixtureConfig c, MixtureInstance inst, LossKind kind)
        => Vec.Scaled(inst.VStar, HeadStepOneCoefficient(c.Eta, c.Zeta, kind));

    /// <summary>
    /// Coefficient κ₂ = η²c²ζ²(1−ζ)V² with p₂ → κ₂ q⋆, from the exact identity E[y C v⋆] = ζ(1−ζ)V² q⋆ where
    /// C = (1/T) Σ_t (x_t − x̄)(x_t − x̄)ᵀ. First order in η (logistic ℓ′ drifts from −½ at step 2 for large ζ).
    /// </summary>
    public static double PromptStepTwoCoefficient(double eta, double zeta, double v, LossKind kind)
    {
        double c = LossConstant(kind);
        return eta * eta * c * c * zeta * zeta * (1 - zeta) * v * v;
    }

    /// <summary>Population p₂ = η²c²ζ²(1−ζ)V² q⋆, shape (d).</summary>
    public static double[] PromptAfterStepTwo(ContextualMixtureConfig c, MixtureInstance inst, LossKind kind)
        => Vec.Scaled(inst.QStar, PromptStepTwoCoefficient(c.Eta, c.Zeta, c.V, kind));

    /// <summary>
    /// Head alignment cos(v₁, v⋆) ≈ [1 + (d−1)(σ² + (1−ζ)σ_δ²) / (n T ζ² V²)]^{−1/2} for the mean-difference head
    /// v₁ ∝ (1/n) Σ y_i x̄_i (isotropic F-gauss). Uses the config's d, n, T, ζ, V, σ, σ_δ.
    /// </summary>
    public static double HeadAlignment(ContextualMixtureConfig c)
    {
        double noise = (c.D - 1) * (c.Sigma * c.Sigma + (1 - c.Zeta) * c.SigmaDelta * c.SigmaDelta);
        return 1 / Math.Sqrt(1 + noise / (c.N * c.T * c.Zeta * c.Zeta * c.V * c.V));
    }
}
