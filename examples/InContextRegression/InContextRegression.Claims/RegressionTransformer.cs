// A small pre-LN Transformer over real-valued tokens. The prompt's K points are K context tokens [x_j, y_j, 1] followed by K
// query tokens [x_i, 0, 0]; context token j attends to context tokens ≤ j, query token i to context tokens < i and to itself,
// so one pass predicts every y_i from the i points before it (Garg et al. 2022 interleave x and y tokens instead; pairing
// each point in one token spares the network learning to pair them, which our CPU budget cannot pay for). The mask is
// additive float −inf (a bool mask leaks the future in this TorchSharp: stack.md).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InContextRegression;

/// <summary>Width, depth and heads of the network, and the prompt it reads (dimension d, at most K points).</summary>
public sealed record RegressorConfig(int Dimension, int MaxPoints, int Width, int Layers, int Heads)
{
    public override string ToString() => $"icl-transformer d{Dimension} K{MaxPoints} w{Width} l{Layers} h{Heads}";
}

sealed class RegressorBlock : nn.Module<Tensor, Tensor>
{
    readonly LayerNorm ln1, ln2;
    readonly Linear qkv, proj, fc1, fc2;
    readonly int heads;

    public RegressorBlock(int width, int heads) : base("block")
    {
        this.heads = heads;
        ln1 = nn.LayerNorm(width);
        ln2 = nn.LayerNorm(width);
        qkv = nn.Linear(width, 3 * width);
        proj = nn.Linear(width, width);
        fc1 = nn.Linear(width, 4 * width);
        fc2 = nn.Linear(4 * width, width);
        RegisterComponents();
    }

    /// <summary>Additive attention mask (T, T): 0 where a token may look, −inf elsewhere.</summary>
    public Tensor? Mask { get; set; }

    public override Tensor forward(Tensor x)
    {
        long b = x.shape[0], t = x.shape[1], w = x.shape[2], hd = w / heads;
        var parts = qkv.forward(ln1.forward(x)).view(b, t, 3, heads, hd).permute(2, 0, 3, 1, 4);   // (3, B, H, T, hd)
        var scores = parts[0].matmul(parts[1].transpose(-2, -1)) / Math.Sqrt(hd);
        var attended = nn.functional.softmax(scores + Mask!, -1).matmul(parts[2]);
        x = x + proj.forward(attended.transpose(1, 2).reshape(b, t, w));
        return x + fc2.forward(nn.functional.gelu(fc1.forward(ln2.forward(x))));
    }
}

sealed class RegressorModule : nn.Module<Tensor, Tensor>
{
    readonly Linear embed, readout;
    readonly Parameter positions;
    readonly ModuleList<RegressorBlock> blocks;
    readonly LayerNorm lnf;

    public RegressorModule(RegressorConfig c) : base("icl_regressor")
    {
        embed = nn.Linear(c.Dimension + 2, c.Width);
        positions = nn.Parameter(randn(2 * c.MaxPoints, c.Width) * 0.02);
        blocks = nn.ModuleList(Enumerable.Range(0, c.Layers).Select(_ => new RegressorBlock(c.Width, c.Heads)).ToArray());
        lnf = nn.LayerNorm(c.Width);
        readout = nn.Linear(c.Width, 1);
        RegisterComponents();
    }

    /// <summary>Tokens (B, 2K, d+2), K context then K query tokens → the prediction at every query token, (B, K).</summary>
    public override Tensor forward(Tensor tokens)
    {
        long t = tokens.shape[1], k = t / 2;
        using var mask = MaskFor(k, tokens.device);
        var h = embed.forward(tokens) + positions.narrow(0, 0, t);
        foreach (var block in blocks) { block.Mask = mask; h = block.forward(h); }
        return readout.forward(lnf.forward(h)).squeeze(-1).narrow(1, k, k);
    }

    /// <summary>Context j sees context ≤ j; query i sees context &lt; i and itself.</summary>
    static Tensor MaskFor(long k, Device device)
    {
        var allowed = new bool[2 * k, 2 * k];
        for (long i = 0; i < k; i++)
        {
            for (long j = 0; j <= i; j++) allowed[i, j] = true;
            for (long j = 0; j < i; j++) allowed[k + i, j] = true;
            allowed[k + i, k + i] = true;
        }
        var values = new float[2 * k * 2 * k];
        for (long i = 0; i < 2 * k; i++)
            for (long j = 0; j < 2 * k; j++) values[i * 2 * k + j] = allowed[i, j] ? 0f : float.NegativeInfinity;
        return tensor(values, 2 * k, 2 * k).to(device);
    }
}
