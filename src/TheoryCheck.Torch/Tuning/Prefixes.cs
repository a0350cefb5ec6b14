// Prefixes in the paper's layout (p1 §4.1): [BOS, prefix_1..L, x_1..x_N]; the outputs at positions L..L+N-1 predict x_1..x_N,
// so prefix positions never enter the loss. Every prefix kind is reduced to vectors in embedding space before the torso.
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

/// <summary>The four prefix search spaces, nested: Hard ⊂ closure(Simplex) ⊂ Real ⊂ (via the affine embedding) Soft.</summary>
public enum PrefixKind { Hard, Simplex, Real, Soft }

public static class Prefixes
{
    /// <summary>Logits (B, N, 2) for bits (B, N) after an embedded prefix (1 or B, L, E); L = 0 is the plain model.</summary>
    public static Tensor Logits(CoinPredictor model, Tensor bits, Tensor? embeddedPrefix)
    {
        long n = bits.shape[1];
        var inputs = CoinBatches.Inputs(bits);
        if (embeddedPrefix is null || embeddedPrefix.shape[1] == 0) return model.forward(inputs);
        using var scope = NewDisposeScope();
        long l = embeddedPrefix.shape[1];
        return model.ForwardWithSoft(inputs, embeddedPrefix).narrow(1, l, n).MoveToOuterDisposeScope();
    }

    /// <summary>The tuning objective: summed log loss of the sequence tokens only, mean over the batch.</summary>
    public static Tensor Loss(CoinPredictor model, Tensor bits, Tensor? embeddedPrefix) =>
        CoinBatches.SummedLogLoss(Logits(model, bits, embeddedPrefix), bits);

    /// <summary>Hard prefix bits (L) → one-hot token vectors (1, L, 2).</summary>
    public static Tensor OneHot(IReadOnlyList<int> bits, Device device)
    {
        var t = tensor(bits.Select(b => (long)b).ToArray(), dtype: int64, device: device);
        return nn.functional.one_hot(t, CoinPredictor.Vocabulary).to(float32).unsqueeze(0);
    }

    /// <summary>Free parameters (L, D) of a prefix kind → its embedded prefix (1, L, E). Gradients flow to the parameters only.</summary>
    public static Tensor Embed(CoinPredictor model, PrefixKind kind, Tensor raw) => kind switch
    {
        PrefixKind.Hard or PrefixKind.Real => model.Embed(raw.unsqueeze(0)),
        PrefixKind.Simplex => model.Embed(nn.functional.softmax(raw, -1).unsqueeze(0)),
        PrefixKind.Soft => raw.unsqueeze(0),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Width of a prefix element's free parameters: 2 in token space, E in embedding space.</summary>
    public static int Dimension(CoinPredictor model, PrefixKind kind) =>
        kind == PrefixKind.Soft ? model.Config.Embedding : CoinPredictor.Vocabulary;
}
