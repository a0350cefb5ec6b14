// The models the bench times: the MB family's LSTM and Transformer at ci and paper scale, with their pretraining batch
// shapes, taken from the presets so the bench always measures what `run` trains.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Cli.Bench;

/// <summary>One timed configuration: a model and the (batch × length) it is trained on.</summary>
public sealed record BenchModel(string Name, ModelConfig Config, int Batch, int Length)
{
    public long TokensPerStep => (long)Batch * Length;

    /// <summary>ci LSTM, ci Transformer, paper LSTM, paper Transformer.</summary>
    public static IReadOnlyList<BenchModel> All { get; } = new[] { Scale.Ci, Scale.Paper }
        .SelectMany(scale =>
        {
            var p = MetaLearningSetup.Preset(scale);
            return new[] { p.Lstm, p.Transformer }.Select(m => new BenchModel(
                $"{(m.Arch == Architecture.Lstm ? "lstm" : "transformer")} {scale.Name()}", m, p.Budget.Batch, p.Budget.Length));
        }).ToArray();
}

/// <summary>Estimated floating-point operations (a multiply-add counts 2), for achieved GFLOP/s next to each timing.</summary>
public static class FlopEstimate
{
    /// <summary>
    /// Forward FLOPs per token of a <paramref name="length"/>-token sequence. Only the matrix products count; norms,
    /// activations and the LSTM's gate non-linearities are O(width) and ignored.
    /// LSTM: 2·4·H·(E+H) (four gates over [input, hidden]) + embedding 2·2·E + readout 2·H·2.
    /// Transformer: 2·(4D² + 8D²) (q, k, v, out; MLP D→4D→D) + 2·2·T·D (scores QKᵀ and weighted sum AV over all T
    /// positions: the fused kernel does not skip the masked half) + embedding 2·2·D + readout 2·D·2.
    /// </summary>
    public static double ForwardPerToken(ModelConfig m, int length)
    {
        const int v = CoinPredictor.Vocabulary;
        double e = m.Embedding, h = m.Width;
        double io = 2.0 * v * e + 2.0 * h * v;
        return m.Arch == Architecture.Lstm
            ? 2.0 * 4 * h * (e + h) + io
            : 2.0 * (4 * h * h + 8 * h * h) + 2.0 * 2 * length * h + io;
    }

    /// <summary>One training step ≈ 3 × forward: the backward pass costs about twice the forward (gradients with respect
    /// to both activations and weights). Adam's update is O(parameters) and ignored.</summary>
    public static double TrainingStep(BenchModel b) => 3 * ForwardPerToken(b.Config, b.Length) * b.TokensPerStep;

    public static double Forward(BenchModel b) => ForwardPerToken(b.Config, b.Length) * b.TokensPerStep;
}
