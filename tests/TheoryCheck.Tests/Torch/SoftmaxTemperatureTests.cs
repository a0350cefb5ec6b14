// The pa-temperature mutant's model: PA with softmax(XWp/τ) must be PA at prompt p/τ (the temperature is the only change),
// and only prompt-attention accepts a temperature.
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models.Attention;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class SoftmaxTemperatureTests
{
    [Fact]
    public void TemperedPromptAttentionIsPromptAttentionAtPromptOverTemperature()
    {
        TorchRuntime.Initialize();
        var rng = new Random(5);
        const int d = 6, t = 7;
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var x = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, t).Select(_ => Draw(d)).ToArray()).ToArray();
        double[] p = Draw(d).Select(v => 3 * v).ToArray(), v = Draw(d);
        using var tempered = new AttentionClassifier(AttentionArchitecture.PromptAttention, d, softmaxTemperature: 1.1);
        using var plain = new AttentionClassifier(AttentionArchitecture.PromptAttention, d);
        tempered.Set("prompt", p); tempered.Set("head", v);
        plain.Set("prompt", p.Select(z => z / 1.1).ToArray()); plain.Set("head", v);
        var (a, b) = (tempered.Predict(x), plain.Predict(x));
        for (int i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], 12);
        plain.Set("prompt", p);   // and it is a real change: the same prompt at τ = 1 predicts otherwise
        Assert.True(plain.Predict(x).Zip(a, (u, w) => Math.Abs(u - w)).Max() > 1e-3);
    }

    [Fact]
    public void OnlyPromptAttentionHasATemperature()
    {
        TorchRuntime.Initialize();
        Assert.Throws<ArgumentException>(() => new AttentionClassifier(AttentionArchitecture.LinearPromptAttention, 4, softmaxTemperature: 1.1));
        Assert.Throws<ArgumentException>(() => new AttentionClassifier(AttentionArchitecture.PromptAttention, 4, softmaxTemperature: 0));
    }
}
