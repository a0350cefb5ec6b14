// Real-valued inputs: a soft prefix equal to the embedding of hard tokens reproduces the hard prefix exactly (the
// embedding is affine, so every token-space prefix has an embedding-space twin: p1 §3, nesting of prefix spaces).
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class SoftInputTests
{
    [Theory]
    [InlineData(Architecture.Lstm)]
    [InlineData(Architecture.Transformer)]
    public void SoftPrefixEqualToEmbeddedTokensMatchesHardPrefix(Architecture arch)
    {
        TorchRuntime.Initialize();
        var config = arch == Architecture.Lstm ? ModelConfig.Lstm(8, 16) : ModelConfig.Transformer(16);
        using var model = CoinModels.Create(config, 11);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var prefix = tensor(new float[] { 1, 0, 0, 1, 0.3f, 0.7f }).reshape(1, 3, 2);           // two hard tokens, one real
        var sequence = tensor(new float[] { 0, 0, 1, 0, 0, 1, 0, 1 }).reshape(1, 4, 2);        // BOS then x1..x3
        var hard = cat(new[] { sequence.narrow(1, 0, 1), prefix, sequence.narrow(1, 1, 3) }, 1);
        var viaTokens = model.forward(hard);
        var viaSoft = model.ForwardWithSoft(sequence, model.Embed(prefix));
        Assert.Equal(0f, (viaTokens - viaSoft).abs().max().item<float>(), 5);
        Assert.Equal(new long[] { 1, 7, 2 }, viaSoft.shape);
    }
}
