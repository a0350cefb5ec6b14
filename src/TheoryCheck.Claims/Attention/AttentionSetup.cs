// Shared pieces of the PA family (P2, Oymak et al. 2023): case records, FsCheck helpers, data draws, training and
// accuracy measurement with the TorchSharp models. Claims compose these; nothing here knows a bound.
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Statistics;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Claims.Attention;

/// <summary>A random token batch: seed, sequence length T, token dimension d.</summary>
public sealed record TokenCase(int Seed, int T, int D)
{
    public override string ToString() => $"T={T} d={D} (seed {Seed})";

    /// <summary>Shorter sequences, then fewer dimensions, same seed; <paramref name="valid"/> is the claim's domain.</summary>
    public IEnumerable<TokenCase> Shrink(int minT, int minD, Func<TokenCase, bool>? valid = null) =>
        Shrinks.Toward(T, minT).Select(t => this with { T = t })
               .Concat(Shrinks.Toward(D, minD).Select(d => this with { D = d }))
               .Where(c => valid?.Invoke(c) ?? true);

    /// <summary>n i.i.d. N(0, 1) sequences (n, T, d) from the seed.</summary>
    public double[][][] Draw(int n, Random rng) =>
        Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, T).Select(_ => Vec.Gaussian(D, rng)).ToArray()).ToArray();
}

/// <summary>A contextual-mixture instance: its config (every knob) and the seed of all its draws.</summary>
public sealed record MixtureCase(int Seed, ContextualMixtureConfig Config)
{
    public override string ToString() => AttentionSetup.Describe(Config) + $" (seed {Seed})";

    /// <summary>Fewer sequences (n), same knobs and seed: a failure on fewer sequences is easier to inspect.</summary>
    public IEnumerable<MixtureCase> ShrinkSequences() =>
        Shrinks.Toward(Config.N, 1).Select(n => this with { Config = Config with { N = n } }).Where(c => IsValid(c.Config));

    static bool IsValid(ContextualMixtureConfig c)
    {
        try { c.Validate(); return true; }
        catch (ArgumentException) { return false; }
    }
}

public static class AttentionSetup
{
    /// <summary>Uniform double in [lo, hi] on a 1/1000 grid (Gen.Choose is int-only in FsCheck 3).</summary>
    public static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 1000).Select(i => lo + (hi - lo) * i / 1000.0);

    public static Gen<int> Seed => Gen.Choose(0, int.MaxValue - 1);

    /// <summary>Draws a case from a config generator (each config is validated here, so a bad range fails at once).</summary>
    public static Gen<MixtureCase> CasesOf(Gen<ContextualMixtureConfig> configs) =>
        from c in configs from s in Seed select new MixtureCase(s, c.Validate());

    /// <summary>Short description of the knobs that matter for the family.</summary>
    public static string Describe(ContextualMixtureConfig c)
    {
        string family = c.Family switch
        {
            DistractorFamily.Gauss => c.QOrthogonalNoise ? "F-gauss(q-orth)" : "F-gauss",
            DistractorFamily.Box => "F-box",
            DistractorFamily.Matched => "F-matched",
            _ => "F-signed",
        };
        string extra = c.Family switch
        {
            DistractorFamily.Box => $" gamma={c.BoxMargin:0.###} B={c.BoxBound:0.###}",
            DistractorFamily.Matched => $" alpha={c.Alpha:0.###}",
            DistractorFamily.Signed => $" alpha={c.Alpha:0.###} beta={c.Beta:0.###}",
            _ => $" sigma_delta={c.SigmaDelta:0.###}",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{family} d={c.D} T={c.T} zeta={c.Zeta:0.###} Q={c.Q:0.###} sigma={c.Sigma:0.###}{extra} n={c.N} Gamma={c.Gamma:0.###}");
    }

    /// <summary>The context's PA mutant (`power`), or <see cref="AttentionMutant.None"/>, the real thing, whose hooks are the identity.</summary>
    public static AttentionMutant Mutation(RunContext ctx) => ctx.Mutant as AttentionMutant ?? AttentionMutant.None;

    /// <summary>Training and test sets that share one instance (q̂, v̂); each draw has its own stream of the seed. The
    /// training labels pass through <paramref name="mutant"/> (a label-flip near miss under `power`).</summary>
    public static (MixtureDataset Train, MixtureDataset Test) TrainTest(ContextualMixtureConfig c, int seed, int testSize,
                                                                       AttentionMutant? mutant = null)
    {
        var rng = new Random(seed);
        var instance = ContextualMixture.DrawInstance(c, rng);
        var train = ContextualMixture.Sample(c, instance, c.N, new Random(SeedPlan.For(seed, SeedPurposes.TrainingSet)));
        if (mutant is not null) train = train with { Y = mutant.TrainingLabels(train.Y, seed) };
        var test = ContextualMixture.Sample(c, instance, testSize, new Random(SeedPlan.For(seed, SeedPurposes.TestSet)));
        return (train, test);
    }

    /// <summary>A fresh model with trainable parameters ~ N(0, initScale²) from the init seed (0 = zero init).</summary>
    public static AttentionClassifier Model(AttentionArchitecture arch, int d, double initScale, int initSeed)
    {
        var m = new AttentionClassifier(arch, d);
        if (initScale > 0) m.InitNormal(new Random(initSeed), initScale);
        return m;
    }

    /// <summary>Trains by full-batch GD and returns the per-test-sequence correctness (1/0) and the model (caller disposes).</summary>
    public static AttentionClassifier Trained(AttentionArchitecture arch, MixtureDataset train, GradientDescentConfig gd,
                                              double initScale, int initSeed, Action<AttentionClassifier>? before = null)
    {
        var m = Model(arch, train.X[0][0].Length, initScale, initSeed);
        before?.Invoke(m);
        m.Fit(train.X, train.Y, gd);
        return m;
    }

    /// <summary>Sets the prompt to 0 and excludes it from GD: PA then is uniform attention (the "prompt frozen at 0" control).</summary>
    public static void FreezePromptAtZero(AttentionClassifier m)
    {
        m.SetTrainable("prompt", false);
        m.Set("prompt", new double[m.Dim]);
    }

    /// <summary>Test accuracy with its SE over test sequences.</summary>
    public static Measurement Accuracy(AttentionClassifier m, MixtureDataset test) =>
        Measurement.MeanOf(m.Correct(test.X, test.Y), "test sequences");

    /// <summary>Per-sequence relevant attention mass Σ_{t∈R} s_t of a model with attention weights.</summary>
    public static double[] RelevantMass(AttentionClassifier m, MixtureDataset data)
    {
        var w = m.Weights(data.X);
        return w.Select((s, i) => PromptAttention.RelevantMass(s, data.Relevant[i])).ToArray();
    }

    /// <summary>A measurement of |x| from a signed measurement (same SE): one-sided limits apply to the magnitude.</summary>
    public static Measurement Abs(Measurement m) => m with { Value = Math.Abs(m.Value), Low = null, High = null };

    /// <summary>Uniform random permutation of the labels (the shuffled-label control).</summary>
    public static int[] Shuffle(int[] y, Random rng) => y.OrderBy(_ => rng.Next()).ToArray();
}
