// The PA family's mutant catalogue: near misses of the data, the formulas and the prompt the PA claims read. Each hook
// below is the identity for the real thing (AttentionMutant.None) and is read at the one place a claim obtains that
// thing (AttentionSetup.Mutation); a catalogued mutant overrides exactly one concern. Which claims a mutant cannot be told
// apart by, and why, is said in advance; docs/power.md has the matrix `theorycheck power PA` measures.
using System.Globalization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Power;
using TheoryCheck.Reference.Attention;

namespace TheoryCheck.Claims.Attention;

public abstract record AttentionMutant(string Id, string Description, string? Strength, IReadOnlyDictionary<string, string> NotApplicable)
    : Mutant(Id, AttentionFamily.Key, Description, Strength, NotApplicable)
{
    /// <summary>The real thing: every hook is the identity.</summary>
    public static AttentionMutant None { get; } = new Identity();

    /// <summary>Training labels as the learner sees them (test labels are never touched).</summary>
    public virtual int[] TrainingLabels(int[] y, int seed) => y;

    /// <summary>The analytic PA prompt gradient ∂f/∂p that PA-2 checks (p2 §2.2).</summary>
    public virtual double[] PromptGradient(double[][] x, double[] p, double[] v, double[][] w) => PromptAttention.Gradient(x, p, v, w).GradP;

    /// <summary>(1−ζ) where a claim writes it itself (PA-9's ζ²(1−ζ)Q/4).</summary>
    public virtual double OneMinusZeta(double zeta) => 1 - zeta;

    /// <summary>PA-10's head-alignment closed form (p2 §4.3).</summary>
    public virtual double HeadAlignment(ContextualMixtureConfig c) => GradientDescentTheory.HeadAlignment(c);

    /// <summary>PA-4's E1 lower bound on the relevant attention mass (p2 §4.2).</summary>
    public virtual double RelevantMassLowerBound(double zeta, double gamma, double boxMargin, double q) =>
        ExpressivityTheory.RelevantMassLowerBound(zeta, gamma, boxMargin, q);

    /// <summary>PA-7's F-matched margin formula (p2 §4.2 E2).</summary>
    public virtual double MatchedMargin(ContextualMixtureConfig c) => ExpressivityTheory.MatchedMargin(c);

    /// <summary>The config a known-prompt error formula is evaluated at (PA-13, PA-14; p2 §4.4).</summary>
    public virtual ContextualMixtureConfig KnownPromptFormulaConfig(ContextualMixtureConfig c) => c;

    /// <summary>The prompt norm Γ an experiment actually sets, where the claim states Γ (p = Γq̂).</summary>
    public virtual double PromptNorm(double gamma) => gamma;

    /// <summary>The temperature of the PA model's softmax where a claim checks the model at a stated prompt or from a stated
    /// start (p2 §2.2 has none: 1).</summary>
    public virtual double SoftmaxTemperature => 1;

    sealed record Identity() : AttentionMutant("none", "the real thing", null, new Dictionary<string, string>());
}

public static class AttentionMutants
{
    // Why a PA claim reads nothing a given hook changes, shared by the mutants below.
    const string NoTraining = "trains nothing: it checks a model or formula at fixed parameters";
    const string NoClosedForm = "compares no closed form that has a (1−ζ) factor";
    const string NoKnownPrompt = "reads no known-prompt error formula";
    const string NoGamma = "sets no prompt norm Γ: the prompt is learned, random or zero";
    const string NotTheGradient = "does not read the analytic PA prompt gradient";
    const string LearnedPrompt = "learns its prompt: softmax(Xp/τ) is softmax(Xp') with p' = p/τ, the same model class, and τ only rescales the prompt's effective step size, which the claim does not fix";

    public static IReadOnlyList<AttentionMutant> All { get; } = new AttentionMutant[]
    {
        new FlippedLabels("pa-labels-10", 0.10)
        {
            Survives = new Dictionary<string, string>
            {
                ["PA-8"] = "GD still reaches 0.944 (limit 0.938) against ≥ 0.93, while the truth's worst limit is 0.952 (seeds 1-10): too close to place a bound between",
                ["PA-10"] = "symmetric flips shrink the label signal to 0.8× without rotating v₁, which moves cos(v₁, v̂) by 0.010 against a bound of 0.05 that the truth uses up to 0.033",
                ["PA-11"] = "symmetric flips do not rotate p₂: cos(p₂, q̂) at n = 1000 stays 0.89, above the 0.8 floor like the truth's 0.91-0.95",
                ["PA-18"] = "flipping 10 % of labels leaves PA's attention on the relevant images (mass 0.46 above 2ζ); PA-18's other bound is its declared miss",
            },
        },
        new UncentredGradient("pa-gradient-uncentred"),
        new DroppedOneMinusZeta("pa-no-1-zeta")
        {
            Survives = new Dictionary<string, string>
            {
                ["PA-10"] = "replacing (1−ζ)σ_δ² by σ_δ² moves the formula by 0.006 at the drawn configs (ζ ∈ [0.1, 0.3], so σ² + (1−ζ)σ_δ² is 1.7-1.9 against 2), under the truth's own deviation (up to 0.013)",
            },
        },
        new SwappedND("pa-formula-n-d"),
        new TemperedSoftmax("pa-temperature-1.1", 1.1)
        {
            Survives = new Dictionary<string, string>
            {
                ["PA-13"] = "at a known prompt τ = 1.1 is the prompt Γ/1.1 = 0.91Γ, and PA-13 separates Γ × 0.8 but not Γ × 0.8125: the ridge error moves by 0.007 (limit 0.023) against 0.035 at seed 1",
                ["PA-14"] = "at a known prompt τ = 1.1 is the prompt 0.91Γ, and PA-14 does not separate even Γ × 0.8: the mean-difference error moves by 0.002 (limit 0.011) against 0.02 at seed 1",
            },
        },
        new ScaledPromptNorm("pa-gamma-0.8", 0.8)
        {
            Survives = new Dictionary<string, string>
            {
                ["PA-14"] = "the mean-difference error moves by 0.0065 when Γ is 0.8× at the drawn configs, while the truth's worst limit is 0.0195 against 0.02",
            },
        },
    };

    /// <summary>A fraction of the training labels flipped (a fixed random subset): the learner sees noisier data than the claim states.</summary>
    sealed record FlippedLabels(string Id, double Fraction) : AttentionMutant(Id,
        "a fixed random fraction of the training labels flipped", string.Create(CultureInfo.InvariantCulture, $"{Fraction:P0} of labels"),
        Mutant.NotApplicableTo(NoTraining, "PA-1", "PA-2", "PA-3", "PA-4", "PA-5", "PA-6", "PA-7", "PA-13", "PA-14", "PA-15", "PA-16"))
    {
        public override int[] TrainingLabels(int[] y, int seed)
        {
            var rng = new Random(SeedPlan.For(seed, SeedPurposes.MutantLabelFlips));
            var flipped = (int[])y.Clone();
            foreach (int i in Enumerable.Range(0, y.Length).OrderBy(_ => rng.Next()).Take((int)Math.Round(Fraction * y.Length)))
                flipped[i] = -flipped[i];
            return flipped;
        }
    }

    /// <summary>The PA prompt gradient without its centring term −s sᵀ: Wᵀ Σ s_t (vᵀx_t) x_t.</summary>
    sealed record UncentredGradient(string Id) : AttentionMutant(Id,
        "the analytic PA prompt gradient without its centring term (Wᵀ Σ s_t (vᵀx_t) x_t)", null,
        Mutant.NotApplicableTo(NotTheGradient, Enumerable.Range(1, 18).Where(i => i != 2).Select(i => $"PA-{i}").ToArray()))
    {
        public override double[] PromptGradient(double[][] x, double[] p, double[] v, double[][] w) => Uncentred(x, p, v, w);
    }

    /// <summary>Wᵀ Σ s_t (vᵀx_t) x_t: the PA prompt gradient with the −s sᵀ centring term dropped (PA-2's control and the
    /// pa-gradient-uncentred mutant: one definition).</summary>
    public static double[] Uncentred(double[][] x, double[] p, double[] v, double[][] w)
    {
        var s = PromptAttention.AttentionWeights(x, p, w);
        int d = p.Length;
        var q = new double[d];
        for (int t = 0; t < x.Length; t++)
        {
            double vx = Vec.Dot(v, x[t]);
            for (int j = 0; j < d; j++) q[j] += s[t] * vx * x[t][j];
        }
        return Enumerable.Range(0, d).Select(j => Enumerable.Range(0, d).Sum(i => w[i][j] * q[i])).ToArray();
    }

    /// <summary>The closed forms with their (1−ζ) factor replaced by 1 − (1 − s)ζ: at s = 1 by 1 (the catalogued "dropped"
    /// factor), at s = 0 the real formulas. PA-4's mass bound, PA-7's margin, PA-9's p₂ magnitude, PA-10's head alignment.
    /// Deliberately wrong copies of the reference formulas, with the factor as their one change.</summary>
    sealed record DroppedOneMinusZeta(string Id, double Dropped = 1) : AttentionMutant(Id,
        "every closed form with its (1−ζ) factor replaced by 1", Dropped == 1 ? null : string.Create(CultureInfo.InvariantCulture, $"(1−ζ) → 1 − {1 - Dropped:G3}ζ"),
        Mutant.Join(Mutant.NotApplicableTo(NoClosedForm, "PA-1", "PA-2", "PA-3", "PA-5", "PA-6", "PA-8", "PA-11", "PA-12", "PA-13", "PA-14", "PA-15", "PA-16", "PA-17", "PA-18"),
                    Mutant.NotApplicableTo("dropping (1−ζ) only lowers E1's lower bound on the attention mass, which a correct model then meets more easily", "PA-4"))), IGradedMutant
    {
        public string Knob => "share s of the (1−ζ) factor dropped";
        public double Catalogued => 1;
        public double Identity => 0;
        public Mutant At(double strength) => this with { Dropped = strength };

        public override double OneMinusZeta(double zeta) => 1 - (1 - Dropped) * zeta;

        public override double HeadAlignment(ContextualMixtureConfig c)
        {
            double noise = (c.D - 1) * (c.Sigma * c.Sigma + OneMinusZeta(c.Zeta) * c.SigmaDelta * c.SigmaDelta);
            return 1 / Math.Sqrt(1 + noise / (c.N * c.T * c.Zeta * c.Zeta * c.V * c.V));
        }

        public override double RelevantMassLowerBound(double zeta, double gamma, double boxMargin, double q) =>
            1 / (1 + OneMinusZeta(zeta) / zeta * Math.Exp(-gamma * boxMargin * q));

        public override double MatchedMargin(ContextualMixtureConfig c)
        {
            double u = c.Gamma * c.Q, r = OneMinusZeta(c.Zeta) / 2, a = c.Alpha;
            double num = 1 - Math.Exp((a - 1) * u) / a + (1 / a - 1) * Math.Exp(-u);
            double den = c.Zeta + r * Math.Exp((a - 1) * u) + r * Math.Exp(-u);
            return c.V * c.V * c.Zeta * num / den;
        }
    }

    /// <summary>The known-prompt error formulas evaluated with n and d swapped, or at strength t moved that fraction of the way
    /// (n + t(d − n), d + t(n − d), rounded; label balance does not enter the formulas, only the data's validation, which an
    /// odd swapped n would fail).</summary>
    sealed record SwappedND(string Id, double Fraction = 1) : AttentionMutant(Id,
        "the known-prompt error formulas evaluated with n and d swapped", Fraction == 1 ? null : string.Create(CultureInfo.InvariantCulture, $"{Fraction:G3} of the way"),
        Mutant.NotApplicableTo(NoKnownPrompt, Enumerable.Range(1, 18).Where(i => i is not (13 or 14)).Select(i => $"PA-{i}").ToArray())), IGradedMutant
    {
        public string Knob => "fraction t of the n ↔ d swap";
        public double Catalogued => 1;
        public double Identity => 0;
        public Mutant At(double strength) => this with { Fraction = strength };

        public override ContextualMixtureConfig KnownPromptFormulaConfig(ContextualMixtureConfig c) => c with
        {
            N = (int)Math.Round(c.N + Fraction * (c.D - c.N)), D = (int)Math.Round(c.D + Fraction * (c.N - c.D)), BalancedLabels = false,
        };
    }

    /// <summary>The PA model's softmax at a temperature off by 10 % (softmax(X W p / τ)), where a claim checks the model at a
    /// stated prompt (PA-4, PA-7, PA-13, PA-14) or its first GD steps from zero (PA-9).</summary>
    sealed record TemperedSoftmax(string Id, double Temperature) : AttentionMutant(Id,
        "the PA model's softmax at the wrong temperature, softmax(XWp/τ)", string.Create(CultureInfo.InvariantCulture, $"τ = {Temperature}"),
        Mutant.Join(
            Mutant.NotApplicableTo("p = 0 makes every score 0, at any temperature", "PA-1", "PA-10"),
            Mutant.NotApplicableTo("checks the analytic gradient formula; the TorchSharp model there is only its autograd reference", "PA-2"),
            Mutant.NotApplicableTo("the invariances of softmax(Xq/τ) hold at any τ", "PA-3"),
            Mutant.NotApplicableTo("states monotonicity in Γ, and τ only rescales Γ", "PA-5"),
            Mutant.NotApplicableTo("LPA and the linear model have no softmax", "PA-6"),
            Mutant.NotApplicableTo("two GD steps from zero: τ scales p₂ by 1/τ without turning it, and the claim reads only its direction", "PA-11"),
            Mutant.NotApplicableTo("states the double-descent peak at n = d for any Γ in its range, and τ only rescales Γ", "PA-15"),
            Mutant.NotApplicableTo("a lower bound (0.05) on the error drop from Γ = 0 to Γ = 3, which Γ = 3/1.1 meets too (measured 0.16-0.25)", "PA-16"),
            Mutant.NotApplicableTo(LearnedPrompt, "PA-8", "PA-12", "PA-17", "PA-18"))), IGradedMutant
    {
        public string Knob => "softmax temperature";
        public double Catalogued => Temperature;
        public double Identity => 1;
        public Mutant At(double strength) => this with { Temperature = strength };

        public override double SoftmaxTemperature => Temperature;
    }

    /// <summary>The experiment sets the prompt norm to a fraction of the Γ the claim states (p = 0.8·Γq̂).</summary>
    sealed record ScaledPromptNorm(string Id, double Factor) : AttentionMutant(Id,
        "the experiment's prompt norm scaled against the Γ the claim states", string.Create(CultureInfo.InvariantCulture, $"Γ × {Factor}"),
        Mutant.Join(Mutant.NotApplicableTo(NoGamma, "PA-1", "PA-2", "PA-3", "PA-6", "PA-8", "PA-9", "PA-10", "PA-11", "PA-12", "PA-17", "PA-18"),
             Mutant.NotApplicableTo("states monotonicity in Γ, which is invariant to scaling Γ", "PA-5"),
             Mutant.NotApplicableTo("states the double-descent peak at n = d for any Γ in its range, with no Γ-dependent value", "PA-15"),
             Mutant.NotApplicableTo("a lower bound (0.05) on the error drop from Γ = 0 to Γ = 3, which Γ = 2.4 meets too (measured 0.16-0.25)", "PA-16"))), IGradedMutant
    {
        public string Knob => "prompt-norm factor";
        public double Catalogued => Factor;
        public double Identity => 1;
        public Mutant At(double strength) => this with { Factor = strength };

        public override double PromptNorm(double gamma) => Factor * gamma;
    }
}
