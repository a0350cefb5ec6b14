// PA-13 … PA-16: known prompt p = Γq̂, learned head (p2 §4.4). The §4.4 formulas (KnownPromptTheory, doubles) against
// simulation (TorchSharp PA features, closed-form heads). Proportional-asymptotic formulas: finite-size error is in the bounds.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Attention;
using static TheoryCheck.Claims.Attention.AttentionSetup;

namespace TheoryCheck.Claims.Attention;

public static class KnownPrompt
{
    /// <summary>p2 §6.13 ranges: q-orthogonal F-gauss, d ∈ [40,100], T ∈ {10,20,30}, ζ = k/T ∈ [0.1,0.5], Q ∈ [1,3], σ, σ_δ ∈ [0.5,1.5], Γ ∈ [0,3].</summary>
    public static Gen<ContextualMixtureConfig> Configs(Gen<double> ratios, Gen<double> lambdas, bool balanced) =>
        from d in Gen.Choose(40, 100) from t in Gen.Elements(10, 20, 30) from k in Gen.Choose((int)Math.Ceiling(0.1 * t), t / 2)
        from q in Uniform(1, 3) from s in Uniform(0.5, 1.5) from sd in Uniform(0.5, 1.5) from g in Uniform(0, 3)
        from r in ratios from l in lambdas
        select new ContextualMixtureConfig
        {
            D = d, T = t, Zeta = (double)k / t, Q = q, V = 1, Sigma = s, SigmaDelta = sd, Gamma = g, Lambda = l,
            N = Math.Max(2, 2 * (int)Math.Round(r * d / 2)), QOrthogonalNoise = true, BalancedLabels = balanced,
        };

    public static int TestSize(Scale s) => s.Pick(2000, 10_000, 20_000);

    /// <summary>
    /// |mean over training sets of (simulated error − formula)|. Control: the formula of a mis-specified prompt (Γ = 0,
    /// uniform attention) against the very same simulation must fail. It runs only where the two exact formulas differ by
    /// ≥ 3× the bound, decided before simulating. (The first control, data with noise along q⋆, was not informative on
    /// instances with one relevant token: measured gap 0.0129 ± 0.002 < 0.02 at ζ = 0.1, T = 10, Γ = 2.57, σ = 0.59.)
    /// </summary>
    public static CaseOutcome FormulaCheck(MixtureCase mc, RunContext ctx, Func<ContextualMixtureConfig, double> theoryOf,
                                           Func<ContextualMixtureConfig, HeadFit> headOf, int sets, double bound)
    {
        var c = mc.Config;
        Measurement Gap(ContextualMixtureConfig formula, ContextualMixtureConfig data)
        {
            var exp = new KnownPromptExperiment(data, mc.Seed, TestSize(ctx.Scale), KnownPromptExperiment.ContextPrompt(data.Gamma));
            double theory = theoryOf(formula);
            // Small n makes one training set's error noisy: draw more sets (up to 8×) while the interval straddles the bound.
            return AdaptiveAbsMean(count => exp.Errors(formula.N, count, headOf(formula)).Select(e => e - theory).ToArray(),
                                   bound, sets, 8 * sets, "training sets");
        }
        var measured = Gap(c, c);
        var uniform = c with { Gamma = 0 };
        Measurement? control = Math.Abs(theoryOf(c) - theoryOf(uniform)) < 3 * bound ? null : Gap(uniform, c);
        ctx.Log(FormattableString.Invariant($"  {mc}: theory {theoryOf(c):0.####}, |sim - theory| {measured}, control {control?.ToString() ?? "skipped"}"));
        return new CaseOutcome(mc + FormattableString.Invariant($" theory {theoryOf(c):0.####}"), new[] { measured }, new[] { control });
    }
}

/// <summary>PA-13: the ridge-head test error matches the Marchenko–Pastur formula within 0.035.</summary>
public sealed class RidgeFormula : Claim<MixtureCase>
{
    public static readonly RidgeFormula Claim = new();

    public override ClaimSpec Spec { get; } = new("PA-13", "P2", "§4.4 item 2 (ridge head, Marchenko–Pastur), §6.13", "PA",
        "Known prompt p = Γq̂ on q-orthogonal F-gauss, ridge head v̂ = (HᵀH + λI)⁻¹Hᵀy, λ ∈ {1e-6, 0.1, 1, 10}, n/d ∈ {0.5, 1.5, 3, 5}: the mean test error over 5 training sets is within 0.035 of Φ̄((τ₁/√τ₂)·base(n)).",
        new[] { Bound.AtMost("abs_error_minus_theory", 0.035, "derived in the paper's setting (p2 §4.4, proportional asymptotics); calibration: max 0.024, mean 0.006 over 30 instances (p2 §4.4)") },
        "the formula for a mis-specified prompt (Γ = 0, uniform attention) against the same simulation must fail (run where the two formulas differ by ≥ 3× the bound)",
        new ScalePresets("2 cases, test 2,000", "6 cases × 5–40 training sets, test 10,000", "12 cases, test 20,000"));

    public override int CaseCount(Scale scale) => scale.Pick(2, 6, 12);

    public override Gen<MixtureCase> Cases(Scale scale) =>
        CasesOf(KnownPrompt.Configs(Gen.Elements(0.5, 1.5, 3.0, 5.0), Gen.Elements(1e-6, 0.1, 1.0, 10.0), balanced: false));

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx) =>
        KnownPrompt.FormulaCheck(mc, ctx, KnownPromptTheory.RidgeError, c => KnownPromptExperiment.Ridge(c.Lambda), 5, Spec.Bounds[0].Value);
}

/// <summary>PA-14: the mean-difference head's test error (balanced labels) matches Φ̄(base(n)) within 0.02.</summary>
public sealed class MeanDifferenceFormula : Claim<MixtureCase>
{
    public static readonly MeanDifferenceFormula Claim = new();

    public override ClaimSpec Spec { get; } = new("PA-14", "P2", "§4.4 item 1 (mean-difference head), §6.14", "PA",
        "Known prompt p = Γq̂ on q-orthogonal F-gauss with exactly balanced labels, mean-difference head v̂ = (1/n)Σ y_i h_i, n/d ∈ [0.5, 5]: the mean test error over 5 training sets is within 0.02 of Φ̄(base(n)).",
        new[] { Bound.AtMost("abs_error_minus_theory", 0.02, "derived in the paper's setting (p2 §4.4); calibration: max 0.007, mean 0.001 over 25 instances (p2 §4.4)") },
        "the formula for a mis-specified prompt (Γ = 0, uniform attention) against the same simulation must fail (run where the two formulas differ by ≥ 3× the bound)",
        new ScalePresets("2 cases, test 2,000", "6 cases × 5–40 training sets, test 10,000", "12 cases, test 20,000"));

    public override int CaseCount(Scale scale) => scale.Pick(2, 6, 12);

    public override Gen<MixtureCase> Cases(Scale scale) =>
        CasesOf(KnownPrompt.Configs(Gen.Choose(1, 10).Select(i => i / 2.0), Gen.Constant(1.0), balanced: true));

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx) =>
        KnownPrompt.FormulaCheck(mc, ctx, KnownPromptTheory.MeanDifferenceError, _ => KnownPromptExperiment.MeanDifference, 5, Spec.Bounds[0].Value);
}

/// <summary>PA-15: the ridgeless head's error peaks at n = d (double descent); the formula gives ½ at n = d′.</summary>
public sealed class DoubleDescentPeak : Claim<MixtureCase>
{
    public static readonly DoubleDescentPeak Claim = new();
    const int Sets = 5;

    public override ClaimSpec Spec { get; } = new("PA-15", "P2", "§4.4 item 3 (ridgeless limit, double descent), §6.15", "PA",
        "Ridgeless head, known prompt, q-orthogonal F-gauss, d = 60, T = 20, ζ = 0.2, Q = 2, σ = σ_δ = 1, Γ ∈ [0.5, 1]: err(n = d) ≥ max(err(d/2), err(3d)) + 0.05, and the formula gives exactly ½ at n = d′ = d − 1.",
        new[]
        {
            Bound.AtLeast("peak_excess", 0.05, "derived in the paper's setting (p2 §4.4 item 3); calibration: 0.435–0.449 at n = d vs ≤ 0.26 elsewhere (p2 §6.15)"),
            Bound.AtMost("abs_formula_at_dprime_minus_half", 1e-12, "derived in the paper's setting (p2 §4.4 item 3): τ₁/√τ₂ = 0 at n = d′"),
        },
        "the same checks on the ridge head with λ = 1 (no interpolation peak) must fail",
        new ScalePresets("1 case × 3 training sets, test 2,000", "2 cases × 5 training sets, test 10,000", "6 cases, test 20,000"));

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 6);

    public override Gen<MixtureCase> Cases(Scale scale) =>
        CasesOf(Uniform(0.5, 1).Select(g => new ContextualMixtureConfig
        {
            D = 60, T = 20, Zeta = 0.2, Q = 2, V = 1, Sigma = 1, SigmaDelta = 1, Gamma = g, QOrthogonalNoise = true, N = 60,
        }));

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx)
    {
        var c = mc.Config;
        int sets = ctx.Scale.Pick(3, Sets, Sets);
        var exp = new KnownPromptExperiment(c, mc.Seed, KnownPrompt.TestSize(ctx.Scale), KnownPromptExperiment.ContextPrompt(c.Gamma));
        Measurement[] Check(double lambda)
        {
            var head = KnownPromptExperiment.Ridge(lambda);
            var err = new[] { c.D / 2, c.D, 3 * c.D }.Select(n => Measurement.MeanOf(exp.Errors(n, sets, head), "training sets")).ToArray();
            var other = err[0].Value >= err[2].Value ? err[0] : err[2];
            double atDPrime = KnownPromptTheory.RidgeError(c with { N = c.D - 1, Lambda = lambda });
            return new[] { Difference(err[1], other), Measurement.Exact(Math.Abs(atDPrime - 0.5)) };
        }
        return new CaseOutcome(mc.ToString(), Check(0), Check(1));
    }
}

/// <summary>PA-16: the n → ∞ error Φ̄(SNR(Γ)) decreases in Γ, and the ridge error at Γ = 3 is ≥ 0.05 below Γ = 0.</summary>
public sealed class ContextBenefit : Claim<MixtureCase>
{
    public static readonly ContextBenefit Claim = new();
    const int Sets = 5;

    public override ClaimSpec Spec { get; } = new("PA-16", "P2", "§4.4 item 4 (benefit of context), §6.16", "PA",
        "q-orthogonal F-gauss, d = 60, T = 20, ζ = 0.2, Q = 2, σ, σ_δ ∈ [0.5, 1.5], n = 5d: Φ̄(SNR(Γ)) is strictly decreasing on Γ ∈ {0, 0.1, …, 3}, and the simulated ridge (λ = 1) error at Γ = 3 is ≥ 0.05 below that at Γ = 0 (every drawn case has SNR(3)/SNR(0) ≥ 1.5).",
        new[]
        {
            Bound.AtLeast("min_relative_limit_error_drop", 1e-9, "derived in the paper's setting (p2 §4.4 item 4): SNR(Γ) increasing; strictness as a relative drop above rounding"),
            Bound.AtLeast("ridge_error_drop_0_to_3", 0.05, "derived in the paper's setting (p2 §4.4 item 4); calibration: 0.310→0.042, 0.325→0.0002, 0.350→0.129 (p2 §6.16)"),
        },
        "the same comparison with the prompt orthogonal to q⋆ and v⋆ (p = Γu) must fail the error-drop bound",
        new ScalePresets("1 case × 3 training sets, test 2,000", "2 cases × 5 training sets, test 10,000", "6 cases, test 20,000"));

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 6);

    public override Gen<MixtureCase> Cases(Scale scale) =>
        CasesOf(from s in Uniform(0.5, 1.5) from sd in Uniform(0.5, 1.5)
              let c = new ContextualMixtureConfig { D = 60, T = 20, Zeta = 0.2, Q = 2, V = 1, Sigma = s, SigmaDelta = sd, N = 300, Lambda = 1, QOrthogonalNoise = true }
              where KnownPromptTheory.Snr(c with { Gamma = 3 }) >= 1.5 * KnownPromptTheory.Snr(c with { Gamma = 0 })
              select c);

    public override CaseOutcome Evaluate(MixtureCase mc, RunContext ctx)
    {
        var c = mc.Config;
        int sets = ctx.Scale.Pick(3, Sets, Sets);
        var limit = Enumerable.Range(0, 31).Select(i => KnownPromptTheory.LimitError(c with { Gamma = i / 10.0 })).ToArray();
        double drop = limit.Zip(limit.Skip(1), (a, b) => (a - b) / a).Min();
        Measurement Drop(Func<double, Func<MixtureInstance, double[]>> prompt)
        {
            Measurement Err(double g) => Measurement.MeanOf(
                new KnownPromptExperiment(c, mc.Seed, KnownPrompt.TestSize(ctx.Scale), prompt(g)).Errors(c.N, sets, KnownPromptExperiment.Ridge(1)), "training sets");
            return Difference(Err(0), Err(3));
        }
        var measured = new[] { Measurement.Exact(drop), Drop(KnownPromptExperiment.ContextPrompt) };
        var control = new Measurement?[] { null, Drop(g => inst => Scaled(Orthogonal(inst, mc.Seed), g)) };
        return new CaseOutcome(mc.ToString(), measured, control);
    }

    /// <summary>A seeded unit vector orthogonal to q̂ and v̂.</summary>
    static double[] Orthogonal(MixtureInstance inst, int seed)
    {
        var u = Gaussian(inst.QHat.Length, new Random(seed ^ 0x0f0f));
        foreach (var e in new[] { inst.QHat, inst.VHat })
        {
            double dot = Dot(u, e);
            for (int j = 0; j < u.Length; j++) u[j] -= dot * e[j];
        }
        return Scaled(u, 1 / Norm(u));
    }
}
