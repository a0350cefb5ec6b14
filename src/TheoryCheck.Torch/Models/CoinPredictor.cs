// Next-token predictor over binary tokens, as in the paper's code (p1 §4.1): one-hot (or real) token vectors with a zero
// BOS vector, dense embedding with bias, a one-layer torso, dense unembedding with bias.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Models;

/// <summary>
/// Maps token-space inputs (B, T, 2) to next-token logits (B, T, 2). Position 0 is BOS (a zero vector), so output t predicts
/// token t+1 of the sequence. Soft prefixes enter in embedding space through <see cref="ForwardEmbedded"/>.
/// </summary>
public sealed class CoinPredictor : nn.Module<Tensor, Tensor>
{
    public const int Vocabulary = 2;

    readonly Linear emb;
    readonly nn.Module<Tensor, Tensor> torso;
    readonly Linear unemb;

    public ModelConfig Config { get; }

    public CoinPredictor(ModelConfig config) : base(config.Name)
    {
        config.Validate();
        Config = config;
        emb = nn.Linear(Vocabulary, config.Embedding, hasBias: true);
        torso = config.Arch == Architecture.Lstm
            ? new LstmTorso(config.Embedding, config.Width)
            : new TransformerTorso(config.Width, config.Heads);
        unemb = nn.Linear(config.Width, Vocabulary, hasBias: true);
        RegisterComponents();
    }

    /// <summary>Token space (B, T, 2) → logits (B, T, 2).</summary>
    public override Tensor forward(Tensor tokens) => ForwardEmbedded(Embed(tokens));

    /// <summary>Token space (B, T, 2) → embedding space (B, T, E). Affine: BOS (zero) embeds to the bias.</summary>
    public Tensor Embed(Tensor tokens) => emb.forward(tokens);

    /// <summary>Embedding space (B, T, E) → logits (B, T, 2).</summary>
    public Tensor ForwardEmbedded(Tensor embedded) => unemb.forward(torso.forward(embedded));

    /// <summary>
    /// Inserts real-valued vectors in embedding space right after position <paramref name="after"/> (0 = after BOS, where the
    /// paper puts soft prefixes): tokens (B, T, 2), soft (B or 1, L, E) → logits (B, T+L, 2).
    /// </summary>
    public Tensor ForwardWithSoft(Tensor tokens, Tensor soft, long after = 0)
    {
        using var scope = torch.NewDisposeScope();
        var e = Embed(tokens);                                                           // (B, T, E)
        var s = soft.shape[0] == e.shape[0] ? soft : soft.expand(e.shape[0], soft.shape[1], soft.shape[2]);
        var mixed = torch.cat(new[] { e.narrow(1, 0, after + 1), s, e.narrow(1, after + 1, e.shape[1] - after - 1) }, 1);
        return ForwardEmbedded(mixed).MoveToOuterDisposeScope();
    }

    /// <summary>The attention block of a Transformer torso (LoRA attaches here); null for the LSTM.</summary>
    public CausalSelfAttention? Attention => (torso as TransformerTorso)?.Attention;

    /// <summary>A new model with the same config and bit-identical weights (weight tuners train a copy, never the shared net).</summary>
    public CoinPredictor Copy()
    {
        var copy = TorchRuntime.UnseededInit(() => new CoinPredictor(Config));   // module init draws from the global RNG
        copy.to(emb.weight!.device);
        using var noGrad = torch.no_grad();
        var source = named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in copy.named_parameters()) p.copy_(source[name]);
        return copy;
    }

    public Linear EmbeddingLayer => emb;
    public Linear UnembeddingLayer => unemb;
}

/// <summary>One-layer LSTM, zero initial state, output = hidden state.</summary>
sealed class LstmTorso : nn.Module<Tensor, Tensor>
{
    readonly LSTM lstm;

    public LstmTorso(int input, int hidden) : base("lstm")
    {
        lstm = nn.LSTM(input, hidden, numLayers: 1, batchFirst: true);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        // TorchSharp returns a 3-tuple (output, h_n, c_n), not PyTorch's (out, (h, c)).
        var (output, h, c) = lstm.forward(x);
        h.Dispose(); c.Dispose();
        return output;                                                  // (B, T, H)
    }
}
