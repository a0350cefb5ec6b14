// PA-18: prompt-attention on real images (p2 §5 real-data analogue; our design). On the contextual Fashion-MNIST task
// (ContextualImages.cs) GD-trained PA beats the mean-pooled linear probe and attends to the relevant images. Claim tier.
// Needs the optional Debian package dataset-fashion-mnist: without it Evaluate throws MissingDatasetException before any work.
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Torch.Models.Attention;
using TheoryCheck.Torch.Training;
using static TheoryCheck.Claims.Attention.AttentionSetup;

namespace TheoryCheck.Claims.Attention;

/// <summary>One PA-18 instance: relevant classes A &lt; B (label +1 = A), sparsity ζ, and the seed of every draw.</summary>
public sealed record ImageCase(int Seed, int ClassA, int ClassB, double Zeta)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{FashionMnist.ClassNames[ClassA]}/{FashionMnist.ClassNames[ClassB]} zeta={Zeta:0.0} (seed {Seed})");
}

/// <summary>What one trained pair (PA, linear probe) measured on the test sequences.</summary>
/// <param name="PaCorrect">Per test sequence 1/0.</param>
/// <param name="LinearCorrect">Per test sequence 1/0.</param>
/// <param name="RelevantMass">Per test sequence Σ_{t∈R} s_t of the trained PA.</param>
public sealed record ImageOutcome(double[] PaCorrect, double[] LinearCorrect, double[] RelevantMass);

/// <summary>PA-18: on contextual Fashion-MNIST, GD-trained PA beats the mean-pooled linear probe by ≥ 0.05 and puts ≥ 2ζ of its attention on the relevant images.</summary>
public sealed class RealDataAttention : Claim<ImageCase>
{
    public static readonly RealDataAttention Claim = new();

    /// <summary>Sequence length and token dimension of the task (ζT = 1 or 2 relevant images).</summary>
    public const int T = 10, D = 32;

    /// <summary>Full-batch GD for both models, from zero (as PA-12): p2 §2.6, logistic loss.</summary>
    public static readonly GradientDescentConfig Gd = new(500, 1.0);

    /// <summary>All 45 unordered class pairs (A &lt; B).</summary>
    public static IReadOnlyList<(int A, int B)> Pairs { get; } =
        (from a in Enumerable.Range(0, FashionMnist.ClassCount) from b in Enumerable.Range(a + 1, FashionMnist.ClassCount - a - 1) select (a, b)).ToArray();

    public static int TrainSize(Scale s) => s.Pick(1000, 2000, 2000);
    public static int TestSize(Scale s) => s.Pick(1000, 2000, 4000);

    public override ClaimSpec Spec { get; } = new("PA-18", "P2", "derived in the paper's setting (p2 §5 real-data analogue; our design)", "PA",
        "Contextual Fashion-MNIST: T = 10 tokens = whitened-PCA (d = 32) embeddings of images; ζT of them are images of class A (y = +1) or B (y = −1), the rest images of the other eight classes; ζ ∈ {0.1, 0.2}, any of the 45 class pairs. " +
        "After 500 full-batch GD steps (η = 1, zero init, logistic loss) on n train-split sequences, PA's test accuracy (t10k split) exceeds the mean-pooled linear probe's by ≥ 0.05, and its mean attention mass on the relevant images is ≥ 2ζ.",
        new[]
        {
            Bound.AtLeast("acc_gap_pa_minus_linear", 0.05, "derived in the paper's setting (p2 §5 real-data analogue; our design): PA ⊇ linear (p = 0) and selects the label-bearing tokens")
                .Missing("ci seed 1: 0.040 ± 0.005 in one case of three; at ζ = 0.2 the linear probe is near its ceiling"),
            Bound.AtLeast("relevant_mass_minus_2zeta", 0, "derived in the paper's setting (p2 §5 real-data analogue; our design): uniform attention puts ζ on R; our design asks for ≥ 2ζ"),
        },
        "PA stopped after 2 of its 500 GD steps (its prompt moved once; true labels), against the fully trained linear probe, must fail the same bounds",
        new ScalePresets("1 case, n = 1000, test 1000", "3 cases, n = 2000, test 2000", "12 cases, n = 2000, test 4000"),
        EveryBoundControlled: true,
        Evidence: "The gap bound holds at ζ = 0.1 but not at ζ = 0.2. Ci settings, one case for each of the 45 pairs and each ζ (90 cases, seeds 77 + 10A + B): " +
                  "ζ = 0.1: gap 0.049–0.19 (median 0.11), its 95 % lower limit ≥ 0.05 on 43/45 pairs (not on tshirt/coat 0.049 ± 0.009, trouser/boot 0.053 ± 0.006); " +
                  "ζ = 0.2: gap −0.014–0.12 (median 0.02), ≥ 0.05 on 8/45 pairs only — with 2 of 10 images relevant the mean-pooled probe is already near its ceiling " +
                  "(test accuracy ≥ 0.90 on 35/45 pairs, median 0.95, in an n = 1000 sweep), so PA has no room for 0.05 more. " +
                  "The mass bound held on all 90 (mass − 2ζ ≥ 0.14 at ζ = 0.1, ≥ 0.11 at ζ = 0.2). Its control, PA after 2 GD steps, over 30 cases at seeds 1-10: mass − 2ζ −0.193 … −0.096, gap −0.018 … 0.007 (the truth there: mass − 2ζ ≥ 0.122).");

    public override int CaseCount(Scale scale) => scale.Pick(1, 3, 12);

    public override Gen<ImageCase> Cases(Scale scale) =>
        from pair in Gen.Elements(Pairs.ToArray()) from zeta in Gen.Elements(0.1, 0.2) from seed in Seed
        select new ImageCase(seed, pair.A, pair.B, zeta);

    public static ContextualImageConfig Config(ImageCase c, Scale scale) => new(c.ClassA, c.ClassB, c.Zeta, T, D, TrainSize(scale));

    /// <summary>ζ on T = 10's grid (whole relevant images), and the training sequences n. The statement's ζ ∈ {0.1, 0.2}.</summary>
    public override IReadOnlyList<Maps.Axis> Axes { get; } = new[]
    {
        new Maps.Axis("zeta", 0.1, 0.9, 0.1, "ζ", $"fraction of relevant images (T = {T}; the case's class pair as drawn)", _ => double.NaN, (0.1, 0.2)),
        AttentionAxes.N(double.NaN, null) with { Default = s => TrainSize(s) },
    };

    public override CaseOutcome Evaluate(ImageCase ic, RunContext ctx)
    {
        FashionMnist.EnsureAvailable();                                              // before any data or training
        if (ctx.Knob("zeta") is { } zeta) ic = ic with { Zeta = zeta };
        var c = (Config(ic, ctx.Scale) with { N = (int)(ctx.Knob("n") ?? TrainSize(ctx.Scale)) }).Validate();
        var (train, test) = ContextualImages.TrainTest(c, ic.Seed, TestSize(ctx.Scale));
        var labels = AttentionSetup.Mutation(ctx).TrainingLabels(train.Y, ic.Seed);
        var real = Train(train, labels, test);
        var early = StoppedEarly(train, test, labels.SequenceEqual(train.Y) ? real.LinearCorrect : null);
        ctx.Log(string.Create(CultureInfo.InvariantCulture,
            $"  {ic}: PA {real.PaCorrect.Average():0.###} vs linear {real.LinearCorrect.Average():0.###}, relevant mass {real.RelevantMass.Average():0.###}; " +
            $"PA after {EarlySteps} steps: {early.PaCorrect.Average():0.###} vs linear {early.LinearCorrect.Average():0.###}, mass {early.RelevantMass.Average():0.###}"));
        return new CaseOutcome(ic.ToString(), Measure(real, ic.Zeta), Measure(early, ic.Zeta));
    }

    /// <summary>Trains PA and the linear probe on (train, labels) and measures both on the test sequences.</summary>
    public static ImageOutcome Train(ImageSequences train, int[] labels, ImageSequences test) =>
        PromptAttention(train, labels, test, Gd.Steps, LinearProbe(train, labels, test));

    /// <summary>The mean-pooled linear probe after <see cref="Gd"/>: per test sequence 1/0.</summary>
    static double[] LinearProbe(ImageSequences train, int[] labels, ImageSequences test)
    {
        using var lin = new AttentionClassifier(AttentionArchitecture.Uniform, D);
        lin.Fit(train.X, labels, Gd);
        return lin.Correct(test.X, test.Y);
    }

    /// <summary>PA after <paramref name="steps"/> GD steps, measured beside the given linear probe's results.</summary>
    static ImageOutcome PromptAttention(ImageSequences train, int[] labels, ImageSequences test, int steps, double[] linearCorrect)
    {
        using var pa = new AttentionClassifier(AttentionArchitecture.PromptAttention, D);
        pa.Fit(train.X, labels, Gd with { Steps = steps });
        return new ImageOutcome(pa.Correct(test.X, test.Y), linearCorrect, ContextualImages.RelevantMass(pa, test));
    }

    /// <summary>The control's GD budget: 2 steps. The first step from zero moves only the head, the second moves the prompt
    /// once, so attention has only begun to select (mass ζ + 0.001 … 0.016 at ci); by step 10 PA already passes both bounds
    /// (docs/power.md#pa-18).</summary>
    public const int EarlySteps = 2;

    /// <summary>The control: PA stopped after <see cref="EarlySteps"/> GD steps on the true labels, against the fully trained
    /// linear probe. The near miss of a prompt that selects (docs/power.md#pa-18); shuffled labels were a control of the
    /// plumbing only, and at seed 8 they even held the mass bound.</summary>
    /// <param name="linearCorrect">The real run's linear probe when it trained on the true labels too (no mutant): the same
    /// model, so it is not trained twice.</param>
    static ImageOutcome StoppedEarly(ImageSequences train, ImageSequences test, double[]? linearCorrect) =>
        PromptAttention(train, train.Y, test, EarlySteps, linearCorrect ?? LinearProbe(train, train.Y, test));

    /// <summary>[paired accuracy gap, relevant mass − 2ζ], each a mean over test sequences with its SE.</summary>
    static Measurement[] Measure(ImageOutcome o, double zeta) => new[]
    {
        Measurement.MeanOf(o.PaCorrect.Select((v, i) => v - o.LinearCorrect[i]).ToArray(), "test sequences (paired)"),
        Measurement.MeanOf(o.RelevantMass.Select(m => m - 2 * zeta).ToArray(), "test sequences"),
    };
}
