// The contextual Fashion-MNIST task (p2 §5 real-data analogue; our design): a sequence is T frozen image embeddings, k = ζT
// of them images of one of two chosen classes (the label says which), the rest images of the other eight classes.
// Embeds and samples only; training and bounds live in RealDataAttention.cs.
using System.Globalization;
using TheoryCheck.Torch.Models.Attention;

namespace TheoryCheck.Claims.Attention;

/// <summary>
/// The knobs of one contextual image task: relevant classes A (label +1) and B (label −1), sparsity ζ (k = ζT relevant
/// images per sequence, an integer in [1, T − 1]), sequence length T, embedding dimension d, training size n.
/// Worked example: A = 1 (trouser), B = 8 (bag), ζ = 0.1, T = 10: a sequence with y = +1 holds one trouser image at a
/// uniformly random position and nine images of the classes 0, 2–7 and 9 (never a trouser or a bag); y = −1 swaps in a bag.
/// </summary>
public sealed record ContextualImageConfig(int ClassA, int ClassB, double Zeta, int T = 10, int D = 32, int N = 1000)
{
    public int RelevantCount => (int)Math.Round(Zeta * T);

    /// <summary>Returns this config, or throws a one-line ArgumentException naming the broken rule.</summary>
    public ContextualImageConfig Validate()
    {
        if (ClassA is < 0 or >= FashionMnist.ClassCount || ClassB is < 0 or >= FashionMnist.ClassCount || ClassA == ClassB)
            throw new ArgumentException($"relevant classes must be two distinct labels in 0-9, got {ClassA} and {ClassB}");
        if (!(Zeta > 0 && Zeta < 1) || Math.Abs(Zeta * T - RelevantCount) > 1e-9 || RelevantCount < 1 || RelevantCount >= T)
            throw new ArgumentException(FormattableString.Invariant($"zeta*T must be an integer in [1, T-1], got zeta={Zeta} T={T}"));
        if (D < 1) throw new ArgumentException($"d must be >= 1, got {D}");
        if (N < 2) throw new ArgumentException($"n must be >= 2, got {N}");
        return this;
    }

    /// <summary>Catalogue name of the class pair, e.g. "trouser/bag".</summary>
    public string Pair => $"{FashionMnist.ClassNames[ClassA]}/{FashionMnist.ClassNames[ClassB]}";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pair} zeta={Zeta:0.###} T={T} d={D} n={N}");
}

/// <summary>
/// Labelled sequences. Layout: <c>X[i][t][j]</c> = coordinate j of the embedding of image t of sequence i, shape (n, T, d);
/// <c>Relevant[i][t]</c> marks the k relevant images; <c>Y[i]</c> = +1 (class A) or −1 (class B). Token arrays are shared
/// between sequences that reuse an image: do not mutate them.
/// </summary>
public sealed record ImageSequences(double[][][] X, int[] Y, bool[][] Relevant)
{
    public int Count => Y.Length;
}

public static class ContextualImages
{
    /// <summary>
    /// n sequences from one split: y uniform on ±1; k = ζT positions, uniform without replacement, hold images of class A
    /// (y = +1) or B (y = −1) drawn uniformly from that class; every other position holds an image of one of the other
    /// eight classes (class uniform, then image uniform). Tokens are the images' embeddings.
    /// </summary>
    public static ImageSequences Sample(ContextualImageConfig c, FashionMnistSplit split, PcaEmbedding embedding, int n, Random rng)
    {
        c.Validate();
        if (embedding.Dim != c.D) throw new ArgumentException($"embedding has d = {embedding.Dim}, config d = {c.D}");
        var byClass = split.IndicesByClass();
        var others = Enumerable.Range(0, FashionMnist.ClassCount).Where(k => k != c.ClassA && k != c.ClassB).ToArray();
        int Draw(int[] pool) => pool[rng.Next(pool.Length)];
        var images = new int[n * c.T]; var y = new int[n]; var relevant = new bool[n][];
        var positions = Enumerable.Range(0, c.T).ToArray();
        for (int i = 0; i < n; i++)
        {
            y[i] = rng.Next(2) == 0 ? 1 : -1;
            for (int t = 0; t < c.RelevantCount; t++)                                 // partial Fisher–Yates: the first k are R
            {
                int s = t + rng.Next(c.T - t);
                (positions[t], positions[s]) = (positions[s], positions[t]);
            }
            relevant[i] = new bool[c.T];
            for (int t = 0; t < c.RelevantCount; t++) relevant[i][positions[t]] = true;
            for (int t = 0; t < c.T; t++)
                images[i * c.T + t] = relevant[i][t] ? Draw(byClass[y[i] > 0 ? c.ClassA : c.ClassB]) : Draw(byClass[others[rng.Next(others.Length)]]);
        }
        var tokens = embedding.Embed(split, images);
        var x = Enumerable.Range(0, n).Select(i => tokens.AsSpan(i * c.T, c.T).ToArray()).ToArray();   // (n, T, d)
        return new ImageSequences(x, y, relevant);
    }

    /// <summary>
    /// Training sequences from the train split and test sequences from the t10k split (no image is in both), embedded by
    /// the whitened PCA fitted on the train split; each draw has its own stream of the seed.
    /// </summary>
    /// <exception cref="Core.MissingDatasetException">Fashion-MNIST is not installed (thrown before anything is read).</exception>
    public static (ImageSequences Train, ImageSequences Test) TrainTest(ContextualImageConfig c, int seed, int testSize)
    {
        FashionMnist.EnsureAvailable();
        var trainSplit = FashionMnist.Load("train");
        var testSplit = FashionMnist.Load("t10k");
        var embedding = PcaEmbedding.For(trainSplit, c.D);
        var train = Sample(c, trainSplit, embedding, c.N, new Random(SeedPlan.For(seed, SeedPurposes.TrainingSet)));
        var test = Sample(c, testSplit, embedding, testSize, new Random(SeedPlan.For(seed, SeedPurposes.TestSet)));
        return (train, test);
    }

    /// <summary>Per-sequence attention mass on the relevant images, Σ_{t∈R} s_t, of a model with attention weights.</summary>
    public static double[] RelevantMass(AttentionClassifier m, ImageSequences data) =>
        m.Weights(data.X).Select((s, i) => Reference.Attention.PromptAttention.RelevantMass(s, data.Relevant[i])).ToArray();
}
