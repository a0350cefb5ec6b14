// Architecture description of a coin-sequence predictor (p1 §4.1-4.2). Immutable; hashed for the model cache.
namespace TheoryCheck.Torch.Models;

public enum Architecture { Lstm, Transformer }

/// <summary>Sizes of a one-layer sequence model over binary tokens. Width = LSTM hidden size or Transformer model width.</summary>
/// <param name="Embedding">Embedding width (Transformer: must equal <paramref name="Width"/>), ≥ 1.</param>
/// <param name="Heads">Attention heads (Transformer only), divides Width.</param>
public sealed record ModelConfig(Architecture Arch, int Embedding, int Width, int Heads = 4)
{
    public static ModelConfig Lstm(int embedding, int hidden) => new(Architecture.Lstm, embedding, hidden);
    public static ModelConfig Transformer(int width, int heads = 4) => new(Architecture.Transformer, width, width, heads);

    public void Validate()
    {
        if (Embedding < 1 || Width < 1) throw new ArgumentException($"model widths must be ≥ 1: {this}");
        if (Arch == Architecture.Transformer && (Embedding != Width || Width % Heads != 0))
            throw new ArgumentException($"Transformer needs Embedding == Width and Heads | Width: {this}");
    }

    public string Name => Arch == Architecture.Lstm ? $"lstm-e{Embedding}-h{Width}" : $"transformer-d{Width}-h{Heads}";
    public override string ToString() => Name;
}
