// Rank-r LoRA adapters in parallel to the four attention projections (p1 §4.2): y = W x + B(A x), A: D→r, B: r→D with B = 0
// at the start, no α/r scaling. Kept outside the model's registered modules so pretrained weights and caches are unchanged.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Tuning;

public sealed class LoraAdapters : nn.Module
{
    readonly ModuleList<Linear> down = new();
    readonly ModuleList<Linear> up = new();

    /// <param name="count">Projections adapted (4: q, k, v, out).</param>
    public LoraAdapters(int width, int rank, int count) : base("lora")
    {
        for (int i = 0; i < count; i++)
        {
            down.Add(nn.Linear(width, rank, hasBias: false));
            var b = nn.Linear(rank, width, hasBias: false);
            using (no_grad()) b.weight!.zero_();
            up.Add(b);
        }
        RegisterComponents();
    }

    /// <summary>B(A x) for projection <paramref name="index"/>.</summary>
    public Tensor Delta(int index, Tensor x) => up[index].forward(down[index].forward(x));
}
