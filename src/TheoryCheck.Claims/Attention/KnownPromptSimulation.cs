// The simulation side of p2 §4.4 (known prompt, learned head): attended features from the TorchSharp PA model with a
// fixed prompt, closed-form heads (EmpiricalHeads, MathNet) fitted on fresh training sets, test error on one shared test set.
using MathNet.Numerics.LinearAlgebra;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;

namespace TheoryCheck.Claims.Attention;

/// <summary>A head estimator fitted on attended features H (n, d) and labels.</summary>
public delegate Vector<double> HeadFit(Matrix<double> h, int[] y);

/// <summary>One instance (q̂, v̂), one fixed prompt and a shared test set; training sets are drawn on demand.</summary>
public sealed class KnownPromptExperiment
{
    const int Chunk = 1000;
    readonly ContextualMixtureConfig config;
    readonly double[] prompt;
    readonly Random trainRng;
    readonly double temperature;
    readonly Matrix<double> testH;
    readonly int[] testY;

    /// <param name="data">The data model (q-orthogonal F-gauss for the formulas; anything for controls).</param>
    /// <param name="promptOf">The fixed prompt for the drawn instance, e.g. Γq̂.</param>
    /// <param name="temperature">The PA model's softmax temperature (1 but under a mutant).</param>
    public KnownPromptExperiment(ContextualMixtureConfig data, int seed, int testSize, Func<MixtureInstance, double[]> promptOf,
                                 double temperature = 1)
    {
        config = data.Validate();
        this.temperature = temperature;
        var rng = new Random(seed);
        Instance = ContextualMixture.DrawInstance(config, rng);
        prompt = promptOf(Instance);
        trainRng = new Random(SeedPlan.For(seed, SeedPurposes.KnownPromptTraining));
        (testH, testY) = Features(testSize, new Random(SeedPlan.For(seed, SeedPurposes.KnownPromptTest)), balanced: false);
    }

    public MixtureInstance Instance { get; }

    /// <summary>The prompt p = Γq̂ of the config.</summary>
    public static Func<MixtureInstance, double[]> ContextPrompt(double gamma) => inst => inst.ContextPrompt(gamma);

    public static HeadFit MeanDifference => (h, y) => EmpiricalHeads.MeanDifference(h, y);

    /// <summary>Ridge head (λ ≥ 0; 0 = minimum-norm least squares).</summary>
    public static HeadFit Ridge(double lambda) => (h, y) => EmpiricalHeads.Ridge(h, y, lambda);

    /// <summary>Test errors of <paramref name="head"/> fitted on <paramref name="sets"/> fresh training sets of size n.</summary>
    public double[] Errors(int n, int sets, HeadFit head) => Enumerable.Range(0, sets).Select(_ =>
    {
        var (h, y) = Features(n, trainRng, config.BalancedLabels);
        return EmpiricalHeads.TestError(head(h, y), testH, testY);
    }).ToArray();

    /// <summary>Attended features of n fresh sequences, drawn in chunks so a large test set never sits in memory as tokens.</summary>
    (Matrix<double> H, int[] Y) Features(int n, Random rng, bool balanced)
    {
        using var pa = new AttentionClassifier(AttentionArchitecture.PromptAttention, config.D, softmaxTemperature: temperature);
        pa.Set("prompt", prompt);
        var rows = new List<double[]>(n); var y = new List<int>(n);
        var c = config with { BalancedLabels = balanced };
        for (int start = 0; start < n; start += Chunk)
        {
            int m = Math.Min(Chunk, n - start);
            if (balanced && m % 2 != 0) throw new ArgumentException($"balanced labels need an even training size, got {n}");
            var data = ContextualMixture.Sample(c, Instance, m, rng);
            rows.AddRange(pa.AttendedFeatures(data.X));
            y.AddRange(data.Y);
        }
        return (Matrix<double>.Build.DenseOfRowArrays(rows), y.ToArray());
    }
}
