// The tuning methods of p1 §4.4 and the ideal (exact, non-neural) baselines of §2.6, by their paper names.
using TheoryCheck.Torch.Tuning;

namespace TheoryCheck.Claims.PromptTuning;

public enum Method { NoTuning, HardPT, SimplexPT, RealPT, SoftPT, FullWT, LoRAWT, EmbedWT, UnembedWT, UnEmbedWT }

public enum IdealBaseline { TargetBayes, PreBayes, PreBayesPT }

public static class Methods
{
    public static readonly Method[] Prefix = { Method.HardPT, Method.SimplexPT, Method.RealPT, Method.SoftPT };

    public static bool IsPrefix(this Method m) => Prefix.Contains(m);

    public static PrefixKind PrefixKind(this Method m) => m switch
    {
        Method.HardPT => Torch.Tuning.PrefixKind.Hard,
        Method.SimplexPT => Torch.Tuning.PrefixKind.Simplex,
        Method.RealPT => Torch.Tuning.PrefixKind.Real,
        Method.SoftPT => Torch.Tuning.PrefixKind.Soft,
        _ => throw new ArgumentException($"{m} is not a prefix method"),
    };

    public static WeightKind WeightKind(this Method m) => m switch
    {
        Method.FullWT => Torch.Tuning.WeightKind.Full,
        Method.LoRAWT => Torch.Tuning.WeightKind.Lora,
        Method.EmbedWT => Torch.Tuning.WeightKind.Embed,
        Method.UnembedWT => Torch.Tuning.WeightKind.Unembed,
        Method.UnEmbedWT => Torch.Tuning.WeightKind.UnEmbed,
        _ => throw new ArgumentException($"{m} is not a weight-tuning method"),
    };
}
