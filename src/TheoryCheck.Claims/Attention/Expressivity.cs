// Instance generators shared by PA-4 … PA-7 (SelectionBound, MonotoneSelection, MatchedBlindness, MatchedMarginFormula):
// the exact expressivity statements E1/E2 of p2 §4.2 on noiseless data (oracle prompt p = Γq̂, head v = v⋆). Fast tier.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Reference.Attention;
using TheoryCheck.Torch.Models.Attention;
using static TheoryCheck.Claims.Attention.AttentionSetup;

namespace TheoryCheck.Claims.Attention;

public static class Expressivity
{
    /// <summary>F-box ranges of p2 §6.4: T ∈ {10,20,40}, ζ = k/T ∈ [0.05, 0.5], Q ∈ [1,3], γ ∈ [0.1,0.5], B ∈ [1,5], d ∈ [4,16].</summary>
    public static Gen<ContextualMixtureConfig> BoxConfigs(int n) =>
        from t in Gen.Elements(10, 20, 40)
        from k in Gen.Choose(Math.Max(1, (int)Math.Ceiling(0.05 * t)), t / 2)
        from q in Uniform(1, 3) from g in Uniform(0.1, 0.5) from b in Uniform(1, 5) from d in Gen.Choose(4, 16)
        select new ContextualMixtureConfig
        {
            Family = DistractorFamily.Box, Sigma = 0, D = d, T = t, Zeta = (double)k / t, Q = q, V = 1,
            BoxMargin = g, BoxBound = b, N = n, SigmaDelta = 1,
        };

    /// <summary>Noiseless F-matched ranges of p2 §6.6–6.7: ζ = 0.2, T ∈ {10, 20}, α ∈ [0.3, 0.8], Q ∈ [1, 3], d ∈ [4, 16].</summary>
    public static Gen<ContextualMixtureConfig> MatchedConfigs(int n) =>
        from t in Gen.Elements(10, 20) from a in Uniform(0.3, 0.8) from q in Uniform(1, 3) from d in Gen.Choose(4, 16)
        from gamma in Uniform(0.05, 5)
        select new ContextualMixtureConfig
        {
            Family = DistractorFamily.Matched, Sigma = 0, D = d, T = t, Zeta = 0.2, Alpha = a, Q = q, V = 1, N = n, Gamma = gamma,
        };

    /// <summary>The model with the oracle parameters p = Γq̂, v = v⋆ (caller disposes); <paramref name="temperature"/> is
    /// PA's softmax temperature (1 but under a mutant; the other architectures have none).</summary>
    public static AttentionClassifier Oracle(AttentionArchitecture arch, MixtureInstance inst, double gamma, double temperature = 1)
    {
        var m = new AttentionClassifier(arch, inst.QHat.Length, softmaxTemperature: arch == AttentionArchitecture.PromptAttention ? temperature : 1);
        m.Set("prompt", inst.ContextPrompt(gamma));
        m.Set("head", inst.VStar);
        return m;
    }

    /// <summary>
    /// Worst-case F-box sequences: every distractor at the score ceiling δᵀq̂ = (1−γ)Q with δᵀv̂ = −yB. Here the E1 mass
    /// bound is attained and the margin is negative exactly when Γ &lt; Γ* (p2 §4.2).
    /// </summary>
    public static MixtureDataset ExtremalBox(ContextualMixtureConfig c, MixtureInstance inst, int n, Random rng)
    {
        var x = new double[n][][]; var y = new int[n]; var rel = new bool[n][];
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.Next(2) == 0 ? -1 : 1;
            var positions = Enumerable.Range(0, c.T).OrderBy(_ => rng.Next()).Take(c.RelevantCount).ToHashSet();
            rel[i] = Enumerable.Range(0, c.T).Select(positions.Contains).ToArray();
            x[i] = Enumerable.Range(0, c.T).Select(t => rel[i][t]
                ? inst.QStar.Select((q, j) => q + y[i] * inst.VStar[j]).ToArray()
                : inst.QHat.Select((q, j) => (1 - c.BoxMargin) * c.Q * q - y[i] * c.BoxBound * inst.VHat[j]).ToArray()).ToArray();
        }
        return new MixtureDataset(x, y, rel, inst);
    }

    public static MixtureDataset Concat(MixtureDataset a, MixtureDataset b) =>
        new(a.X.Concat(b.X).ToArray(), a.Y.Concat(b.Y).ToArray(), a.Relevant.Concat(b.Relevant).ToArray(), a.Instance);
}
