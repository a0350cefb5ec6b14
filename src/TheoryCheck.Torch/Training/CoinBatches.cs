// Tensor plumbing for binary sequences: bulk sampling, BOS-shifted one-hot inputs, summed log loss.
using TheoryCheck.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Training;

public static class CoinBatches
{
    /// <summary>Bits (B, N) with row b i.i.d. Bernoulli(biases[b]), drawn from <paramref name="generator"/> in one call.</summary>
    public static Tensor SampleBits(double[] biases, int length, Generator generator)
    {
        using var scope = NewDisposeScope();
        var tau = tensor(biases, dtype: float32).unsqueeze(1);                         // (B, 1)
        var u = rand(new long[] { biases.Length, length }, generator: generator);      // (B, N)
        return (u < tau).to(int64).to(TorchRuntime.Device).MoveToOuterDisposeScope();
    }

    /// <summary>Bits (B, N) → inputs (B, N, 2): a zero BOS vector, then one-hot x_1..x_{N-1}. Output t predicts x_{t+1}.</summary>
    public static Tensor Inputs(Tensor bits, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        long b = bits.shape[0], n = bits.shape[1];
        var oneHot = nn.functional.one_hot(bits, CoinPredictor.Vocabulary).to(dtype);      // (B, N, 2)
        var bos = zeros(new long[] { b, 1, CoinPredictor.Vocabulary }, dtype: dtype, device: bits.device);
        return cat(new[] { bos, oneHot.narrow(1, 0, n - 1) }, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Log loss summed over time, averaged over the batch (p1 §4.3). Logits (B, N, 2), bits (B, N).</summary>
    public static Tensor SummedLogLoss(Tensor logits, Tensor bits)
    {
        long n = bits.shape[1];
        return nn.functional.cross_entropy(logits.reshape(-1, CoinPredictor.Vocabulary), bits.reshape(-1)) * n;
    }

    /// <summary>int[][] of equal length → (B, N) int64 tensor on the runtime device.</summary>
    public static Tensor FromArrays(IReadOnlyList<int[]> sequences)
    {
        int b = sequences.Count, n = sequences[0].Length;
        var flat = new long[b * n];
        for (int i = 0; i < b; i++)
        {
            if (sequences[i].Length != n) throw new ArgumentException("all sequences in a batch must have the same length");
            for (int t = 0; t < n; t++) flat[i * n + t] = sequences[i][t];
        }
        return tensor(flat, new long[] { b, n }, dtype: int64).to(TorchRuntime.Device);
    }
}
