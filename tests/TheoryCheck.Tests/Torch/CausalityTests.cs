// Causality of both architectures as a property: changing inputs after position t never changes outputs at ≤ t.
// Guards the float -inf mask (TorchSharp bool masks silently leak the future, stack.md §2).
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class CausalityTests
{
    [Fact]
    public void ChangingLaterInputsNeverChangesEarlierOutputs()
    {
        TorchRuntime.Initialize();
        using var lstm = CoinModels.Create(ModelConfig.Lstm(8, 16), 5);
        using var transformer = CoinModels.Create(ModelConfig.Transformer(16), 6);
        var cases = from length in Gen.Choose(2, 30)
                    from cut in Gen.Choose(0, length - 2)
                    from seed in Gen.Choose(0, 100000)
                    select (length, cut, seed);
        Prop.ForAll(Arb.From(cases), c =>
        {
            foreach (var model in new CoinPredictor[] { lstm, transformer })
            {
                using var scope = NewDisposeScope();
                using var g = new Generator((ulong)c.seed);
                var x = randn(new long[] { 3, c.length, 2 }, generator: g);
                var y = x.clone();
                y[.., (c.cut + 1)..] = randn(new long[] { 3, c.length - c.cut - 1, 2 }, generator: g) * 5;   // real-valued inputs too
                using var noGrad = no_grad();
                var diff = (model.forward(x) - model.forward(y)).narrow(1, 0, c.cut + 1).abs().max().item<float>();
                Assert.True(diff == 0, $"{model.Config.Name}: output at ≤ {c.cut} moved by {diff} when later inputs changed");
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public void ABoolMaskWouldLeakSoTheFloatMaskMatters()
    {
        // The negative control of the property above: attention with a bool mask changes early outputs.
        TorchRuntime.Initialize();
        using var scope = NewDisposeScope();
        var mask = CausalSelfAttention.CausalMask(4, CPU, float32);
        Assert.True(float.IsNegativeInfinity(mask[0, 1].item<float>()));
        Assert.Equal(0f, mask[1, 0].item<float>());
        using var mha = nn.MultiheadAttention(4, 1);
        var x = randn(4, 1, 4);
        var y = x.clone();
        y[3] = randn(1, 4) * 5;
        var boolMask = triu(ones(4, 4, dtype: ScalarType.Bool), 1);
        using var noGrad = no_grad();
        var a = mha.call(x, x, x, null, false, boolMask).Item1;
        var b = mha.call(y, y, y, null, false, boolMask).Item1;
        Assert.True((a - b).narrow(0, 0, 3).abs().max().item<float>() > 0, "bool mask no longer leaks: the trap note is stale");
    }
}
