// The result of prefix tuning as plain numbers: the embedded prefix (what the frozen model sees) and the raw parameters.
using TheoryCheck.Torch.Models;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

/// <param name="Embedded">Row-major (L, E) vectors in embedding space.</param>
/// <param name="Raw">Row-major (L, D) free parameters (hard: one-hot tokens).</param>
/// <param name="Bits">The hard prefix's tokens; null for continuous kinds.</param>
/// <param name="SearchLoss">The objective at the end of tuning or search (mean summed log loss on tuning data).</param>
public sealed record TunedPrefix(PrefixKind Kind, int Length, int Width, float[] Embedded, float[] Raw, int[]? Bits, double SearchLoss)
{
    /// <summary>(1, L, E) tensor on the model's device; the caller's dispose scope owns it.</summary>
    internal Tensor EmbeddedTensor(CoinPredictor model) =>
        tensor(Embedded, new long[] { 1, Length, Width }, dtype: float32).to(model.EmbeddingLayer.weight!.device);

    public override string ToString() => Bits is { } b ? $"{Kind} [{string.Join("", b)}]" : $"{Kind} L={Length}";
}
