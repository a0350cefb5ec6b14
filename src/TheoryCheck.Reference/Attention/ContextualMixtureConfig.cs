// All knobs of P2's contextual mixture model (Oymak et al. 2023; team summary §3) in one immutable record.
// Validate() rejects combinations for which the generator or the exact formulas are undefined; it does not sample.
using System.Globalization;

namespace TheoryCheck.Reference.Attention;

/// <summary>How the context-irrelevant tokens δ_t are drawn (P2 summary §3).</summary>
public enum DistractorFamily
{
    /// <summary>F-gauss: δ ~ N(0, σ_δ² P⊥), mean zero, orthogonal to q⋆, label-independent.</summary>
    Gauss,
    /// <summary>F-box (noiseless, σ = 0): δᵀq̂ ≤ (1−γ)Q and |δᵀv̂| ≤ B; see <see cref="ContextualMixture"/> for the concrete draw.</summary>
    Box,
    /// <summary>F-matched: half type A δ = αq⋆ − yβ_A v⋆, half type B δ = yβ_B v⋆; blinds f_lin and f_LPA (E2).</summary>
    Matched,
    /// <summary>F-signed: δ = s_t(αq⋆ + yβv⋆), s_t uniform ±1.</summary>
    Signed,
}

/// <summary>
/// Parameters of the contextual mixture model and of the models/heads fitted on it. Defaults are a small F-gauss
/// instance; build variants with <c>with</c>. Greek letters follow the P2 summary.
/// </summary>
public sealed record ContextualMixtureConfig
{
    /// <summary>Token dimension d ≥ 2 (q⋆ ⊥ v⋆ needs two directions).</summary>
    public int D { get; init; } = 20;
    /// <summary>Sequence length T ≥ 1.</summary>
    public int T { get; init; } = 20;
    /// <summary>Context sparsity ζ ∈ (0, 1]; ζT must be an integer ≥ 1 (exactly ζT relevant tokens).</summary>
    public double Zeta { get; init; } = 0.2;
    /// <summary>Context strength Q = ‖q⋆‖ &gt; 0.</summary>
    public double Q { get; init; } = 2;
    /// <summary>Class-signal strength V = ‖v⋆‖ ≥ 0.</summary>
    public double V { get; init; } = 1;
    /// <summary>Token noise scale σ ≥ 0.</summary>
    public double Sigma { get; init; } = 1;
    /// <summary>Distractor scale σ_δ ≥ 0 (F-gauss; for F-box the scale of the free coordinates).</summary>
    public double SigmaDelta { get; init; } = 1;
    /// <summary>Training-set size n ≥ 1.</summary>
    public int N { get; init; } = 1000;
    /// <summary>Prompt norm / inverse temperature Γ ≥ 0 (prompt p = Γ q̂).</summary>
    public double Gamma { get; init; } = 1;
    /// <summary>Ridge parameter λ ≥ 0 (0 = ridgeless minimum-norm least squares).</summary>
    public double Lambda { get; init; } = 1;
    /// <summary>Gradient-descent step size η &gt; 0.</summary>
    public double Eta { get; init; } = 1;
    /// <summary>Distractor family.</summary>
    public DistractorFamily Family { get; init; } = DistractorFamily.Gauss;
    /// <summary>α: q⋆-coefficient of F-matched type A (α ∈ (0,1)) and of F-signed distractors.</summary>
    public double Alpha { get; init; } = 0.5;
    /// <summary>β: v⋆-coefficient of F-signed distractors.</summary>
    public double Beta { get; init; } = 1.5;
    /// <summary>F-box margin γ ∈ (0, 1]: every distractor has δᵀq̂ ≤ (1−γ)Q.</summary>
    public double BoxMargin { get; init; } = 0.25;
    /// <summary>F-box bound B ≥ 0 on |δᵀv̂|.</summary>
    public double BoxBound { get; init; } = 1;
    /// <summary>Noise N(0, σ² P⊥) instead of N(0, σ² I); needed for the exact §4.4 formulas.</summary>
    public bool QOrthogonalNoise { get; init; }
    /// <summary>Exactly n/2 labels of each class (n must be even); needed for the mean-difference formula.</summary>
    public bool BalancedLabels { get; init; }
    /// <summary>Draw q̂, v̂ as the first two columns of a Haar orthogonal matrix per instance (else e₁, e₂).</summary>
    public bool Rotate { get; init; } = true;

    /// <summary>k = ζT, the number of relevant tokens per sequence.</summary>
    public int RelevantCount => (int)Math.Round(Zeta * T);
    /// <summary>m = T − k, the number of irrelevant tokens per sequence.</summary>
    public int IrrelevantCount => T - RelevantCount;
    /// <summary>r = (1−ζ)/2, the fraction of each F-matched distractor type.</summary>
    public double MatchedFraction => (1 - Zeta) / 2;
    /// <summary>β_A = ζ/(rα), F-matched type-A coefficient.</summary>
    public double MatchedBetaA => Zeta / (MatchedFraction * Alpha);
    /// <summary>β_B = (ζ/r)(1/α − 1), F-matched type-B coefficient.</summary>
    public double MatchedBetaB => Zeta / MatchedFraction * (1 / Alpha - 1);

    /// <summary>Returns this config, or throws a one-line <see cref="ArgumentException"/> naming the first violated rule.</summary>
    public ContextualMixtureConfig Validate()
    {
        Require(D >= 2, $"d must be >= 2 (q* and v* must be orthogonal), got {D}");
        Require(T >= 1, $"T must be >= 1, got {T}");
        Require(N >= 1, $"n must be >= 1, got {N}");
        foreach (var (name, value) in new[] { ("zeta", Zeta), ("Q", Q), ("V", V), ("sigma", Sigma), ("sigma_delta", SigmaDelta),
                     ("Gamma", Gamma), ("lambda", Lambda), ("eta", Eta), ("alpha", Alpha), ("beta", Beta),
                     ("gamma (box margin)", BoxMargin), ("B", BoxBound) })
            Require(double.IsFinite(value), $"{name} must be finite, got {value}");
        Require(Zeta > 0 && Zeta <= 1, $"zeta must lie in (0, 1], got {Zeta}");
        double k = Zeta * T;
        Require(Math.Abs(k - Math.Round(k)) < 1e-9 && Math.Round(k) >= 1, $"zeta*T must be an integer >= 1, got zeta*T = {k}");
        Require(Q > 0, $"Q must be > 0, got {Q}");
        Require(V >= 0, $"V must be >= 0, got {V}");
        Require(Sigma >= 0, $"sigma must be >= 0, got {Sigma}");
        Require(SigmaDelta >= 0, $"sigma_delta must be >= 0, got {SigmaDelta}");
        Require(Gamma >= 0, $"Gamma must be >= 0, got {Gamma}");
        Require(Lambda >= 0, $"lambda must be >= 0, got {Lambda}");
        Require(Eta > 0, $"eta must be > 0, got {Eta}");
        Require(!BalancedLabels || N % 2 == 0, $"balanced labels need an even n, got {N}");
        switch (Family)
        {
            case DistractorFamily.Box:
                Require(Sigma == 0, $"F-box is noiseless: sigma must be 0, got {Sigma}");
                Require(BoxMargin > 0 && BoxMargin <= 1, $"F-box margin gamma must lie in (0, 1], got {BoxMargin}");
                Require(BoxBound >= 0, $"F-box bound B must be >= 0, got {BoxBound}");
                break;
            case DistractorFamily.Matched:
                Require(Alpha > 0 && Alpha < 1, $"F-matched needs alpha in (0, 1), got {Alpha}");
                Require(Zeta < 1, $"F-matched needs zeta < 1 (some distractors), got {Zeta}");
                double half = (1 - Zeta) * T / 2;
                Require(Math.Abs(half - Math.Round(half)) < 1e-9, $"F-matched needs (1-zeta)*T/2 to be an integer, got {half}");
                break;
            case DistractorFamily.Gauss:
            case DistractorFamily.Signed:
                break;
            default:
                Require(false, $"unknown distractor family {(int)Family}");
                break;
        }
        return this;
    }

    static void Require(bool ok, FormattableString message)
    {
        if (!ok) throw new ArgumentException(message.ToString(CultureInfo.InvariantCulture));
    }
}
