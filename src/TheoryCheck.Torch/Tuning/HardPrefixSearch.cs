// HardPT (p1 §4.4): score hard prefixes by the mean summed log loss on a fixed set of target sequences, keep the best.
// All candidates × sequences go through the frozen model in a few large batched forward passes.
using TheoryCheck.Torch.Models;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

public static class HardPrefixSearch
{
    /// <summary>Exhaustive up to this length (2^12 = 4096 prefixes); longer prefixes use <see cref="Beam"/>.</summary>
    public const int ExhaustiveLimit = 12;

    /// <summary>The best hard prefix of <paramref name="length"/> for the sequences <paramref name="bits"/> (S, N).</summary>
    public static TunedPrefix Best(CoinPredictor model, int length, Tensor bits, int beamWidth = 8) =>
        length <= ExhaustiveLimit ? Exhaustive(model, length, bits) : Beam(model, length, bits, beamWidth);

    /// <summary>All 2^L prefixes; ties go to the lower binary code. Returns the best.</summary>
    public static TunedPrefix Exhaustive(CoinPredictor model, int length, Tensor bits)
    {
        if (length < 0 || length > ExhaustiveLimit)
            throw new ArgumentOutOfRangeException(nameof(length), $"exhaustive search needs 0 ≤ L ≤ {ExhaustiveLimit}, got {length}");
        var candidates = Enumerable.Range(0, 1 << length)
            .Select(code => Enumerable.Range(0, length).Select(i => (code >> (length - 1 - i)) & 1).ToArray()).ToArray();
        var losses = Score(model, candidates, bits);
        int best = Array.IndexOf(losses, losses.Min());
        return Describe(model, candidates[best], losses[best]);
    }

    /// <summary>
    /// Beam search for long prefixes: grow prefixes one token at a time, score each partial prefix by the same objective, keep
    /// the <paramref name="width"/> best. Not guaranteed optimal; exact for exchangeable predictors whose loss is unimodal in
    /// the prefix's count of ones.
    /// </summary>
    public static TunedPrefix Beam(CoinPredictor model, int length, Tensor bits, int width = 8)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), $"beam width must be ≥ 1, got {width}");
        var beam = new List<(int[] Bits, double Loss)> { (Array.Empty<int>(), double.NaN) };
        for (int l = 1; l <= length; l++)
        {
            var grown = beam.SelectMany(b => new[] { b.Bits.Append(0).ToArray(), b.Bits.Append(1).ToArray() }).ToArray();
            var losses = Score(model, grown, bits);
            beam = grown.Zip(losses).OrderBy(x => x.Second).Take(width).Select(x => (x.First, x.Second)).ToList();
        }
        return Describe(model, beam[0].Bits, beam[0].Loss);
    }

    /// <summary>Mean summed log loss of each candidate prefix (all of one length) on the sequences, in batched passes of at most
    /// <paramref name="maxBatch"/> rows. Why 1024: PT-7 at ci took the same time as with 8192 rows and the same values, at a
    /// peak RSS of 0.76 GB instead of 2.0 GB (the ci Transformer's attention buffers of 8192 rows).</summary>
    public static double[] Score(CoinPredictor model, IReadOnlyList<int[]> candidates, Tensor bits, int maxBatch = 1024)
    {
        long s = bits.shape[0], n = bits.shape[1];
        int perPass = (int)Math.Max(1, maxBatch / s);
        var result = new double[candidates.Count];
        var device = model.EmbeddingLayer.weight!.device;
        using var gate = FinalizerGate.Hold();   // as in Evaluator.PredictOnes: scoring passes temporary Scalars too
        using var noGrad = no_grad();
        for (int start = 0; start < candidates.Count; start += perPass)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(perPass, candidates.Count - start);
            var tokens = cat(candidates.Skip(start).Take(count).Select(c => Prefixes.OneHot(c, device)).ToArray(), 0); // (P, L, 2)
            var prefix = model.Embed(tokens).repeat_interleave(s, 0);                        // (P·S, L, E)
            var seqs = bits.repeat(count, 1);                                                 // (P·S, N)
            var logits = Prefixes.Logits(model, seqs, prefix);
            var nll = nn.functional.cross_entropy(logits.reshape(-1, CoinPredictor.Vocabulary), seqs.reshape(-1),
                                                  reduction: nn.Reduction.None).view(count, s, n);
            var means = nll.sum(2).mean(new long[] { 1 }).to(float64).cpu().data<double>().ToArray();
            means.CopyTo(result, start);
        }
        return result;
    }

    /// <summary>A given hard prefix as a <see cref="TunedPrefix"/> (its embedding under the model).</summary>
    public static TunedPrefix Describe(CoinPredictor model, int[] bits, double loss)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = model.EmbeddingLayer.weight!.device;
        var oneHot = Prefixes.OneHot(bits, device);
        var embedded = model.Embed(oneHot).cpu().data<float>().ToArray();
        return new TunedPrefix(PrefixKind.Hard, bits.Length, model.Config.Embedding, embedded,
                               oneHot.cpu().data<float>().ToArray(), bits, loss);
    }
}
