// Instance generators and the early-GD helper shared by PA-9 … PA-12 (TwoStepMagnitudes, HeadAlignment,
// PromptAlignmentGrowth, BeatsUniformAttention): what gradient descent learns, p2 §4.3. Claim tier (training).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;
using TheoryCheck.Torch.Training;
using static TheoryCheck.Claims.Attention.AttentionSetup;

namespace TheoryCheck.Claims.Attention;

public static class GradientDynamics
{
    /// <summary>F-gauss ranges of p2 §6.9: d ∈ [20, 50], T = 20, ζ = k/20 ∈ [0.1, 0.3], Q ∈ [1.5, 3], σ = σ_δ = 1.</summary>
    public static Gen<ContextualMixtureConfig> EarlyConfigs(Gen<int> n) =>
        from d in Gen.Choose(20, 50) from k in Gen.Choose(2, 6) from q in Uniform(1.5, 3) from size in n
        select new ContextualMixtureConfig { D = d, T = 20, Zeta = k / 20.0, Q = q, V = 1, Sigma = 1, SigmaDelta = 1, N = size, Eta = 1 };

    /// <summary>Runs <paramref name="steps"/> GD steps from p = v = 0 and returns (p, v); <paramref name="temperature"/> is the
    /// softmax's (1 but under a mutant).</summary>
    public static (double[] P, double[] V) EarlySteps(double[][][] x, int[] y, int steps, double eta, MarginLoss loss, double temperature = 1)
    {
        using var pa = new AttentionClassifier(AttentionArchitecture.PromptAttention, x[0][0].Length, softmaxTemperature: temperature);
        pa.Fit(x, y, new GradientDescentConfig(steps, eta, loss));
        return (pa.Get("prompt"), pa.Get("head"));
    }
}
