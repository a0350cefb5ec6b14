// Batched evaluation of a frozen predictor: no_grad, the finalizer parked, one scope per batch, doubles out. The network's train/eval mode is left as
// it is: PT lanes tune and evaluate one shared network side by side, and switching its mode here changed it under another
// lane's tuning. No coin network has a mode-dependent layer (no dropout, no batch norm), and train- and eval-mode forwards
// measured bit-identical (LSTM at widths 16, 64 and 128, Transformer at 16 and 32, 2048 × 200 sequences): EvaluatorTests
// keep both facts.
using TheoryCheck.Torch.Models;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Training;

public static class Evaluator
{
    /// <summary>
    /// P(x_{t+1} = 1 | x_1..x_t) for every sequence and t = 0..N-1. <paramref name="forward"/> maps inputs (B, N, 2) to
    /// logits (B, N, 2); by default the model's own forward. Sequences must share one length.
    /// </summary>
    public static double[][] PredictOnes(CoinPredictor model, IReadOnlyList<int[]> sequences, int batch = 1024,
                                         Func<Tensor, Tensor>? forward = null)
    {
        forward ??= model.forward;
        var result = new double[sequences.Count][];
        // Forward passes hand libtorch temporary Scalars too (FinalizerGate): a table built outside the lanes, or a claim on one
        // lane, evaluated with the finalizer free while the test runner's threads allocate. Inside a lane this is a counter.
        using var gate = FinalizerGate.Hold();
        using var noGrad = no_grad();
        for (int start = 0; start < sequences.Count; start += batch)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(batch, sequences.Count - start);
            var bits = CoinBatches.FromArrays(sequences.Skip(start).Take(count).ToArray());
            var logits = forward(CoinBatches.Inputs(bits));                              // (B, N, 2)
            var p1 = nn.functional.softmax(logits.to(float64), -1).select(2, 1).cpu();    // (B, N)
            var flat = p1.data<double>().ToArray();
            int n = (int)bits.shape[1];
            for (int i = 0; i < count; i++) result[start + i] = flat.AsSpan(i * n, n).ToArray();
        }
        return result;
    }
}
