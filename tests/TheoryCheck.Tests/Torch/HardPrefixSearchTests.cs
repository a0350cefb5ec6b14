// HardPT's batched search must agree with scoring each prefix on its own, and the beam search with the exhaustive one when
// the beam is wide enough to keep every candidate.
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Tuning;
using TorchSharp;
using static TorchSharp.torch;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class HardPrefixSearchTests
{
    [Theory]
    [InlineData(Architecture.Lstm)]
    [InlineData(Architecture.Transformer)]
    public void BatchedScoresEqualOneAtATimeScores(Architecture arch)
    {
        TorchRuntime.Initialize();
        using var model = CoinModels.Create(arch == Architecture.Lstm ? ModelConfig.Lstm(4, 8) : ModelConfig.Transformer(8, 2), 3);
        using var scope = NewDisposeScope();
        using var gen = new Generator(5);
        var bits = (rand(new long[] { 7, 9 }, generator: gen) < 0.3).to(int64);
        var prefixes = Enumerable.Range(0, 8).Select(code => new[] { code >> 2 & 1, code >> 1 & 1, code & 1 }).ToArray();
        // maxBatch 20 forces several passes of 2 prefixes × 7 sequences.
        var batched = HardPrefixSearch.Score(model, prefixes, bits, maxBatch: 20);
        using var noGrad = no_grad();
        for (int i = 0; i < prefixes.Length; i++)
        {
            double single = Prefixes.Loss(model, bits, model.Embed(Prefixes.OneHot(prefixes[i], bits.device))).item<float>();
            Assert.Equal(single, batched[i], 4);
        }
        var best = HardPrefixSearch.Exhaustive(model, 3, bits);
        Assert.Equal(batched.Min(), best.SearchLoss, 10);
        Assert.Equal(prefixes[Array.IndexOf(batched, batched.Min())], best.Bits);
    }

    [Fact]
    public void WideBeamFindsTheExhaustiveOptimum()
    {
        TorchRuntime.Initialize();
        using var model = CoinModels.Create(ModelConfig.Lstm(4, 8), 4);
        using var scope = NewDisposeScope();
        using var gen = new Generator(6);
        var bits = (rand(new long[] { 6, 8 }, generator: gen) < 0.7).to(int64);
        var exhaustive = HardPrefixSearch.Exhaustive(model, 4, bits);
        var beam = HardPrefixSearch.Beam(model, 4, bits, width: 16);
        Assert.Equal(exhaustive.Bits, beam.Bits);
    }

    [Fact]
    public void ExhaustiveSearchRefusesLengthsBeyondItsLimit()
    {
        TorchRuntime.Initialize();
        using var model = CoinModels.Create(ModelConfig.Lstm(4, 8), 4);
        using var bits = zeros(new long[] { 1, 4 }, dtype: int64);
        Assert.Throws<ArgumentOutOfRangeException>(() => HardPrefixSearch.Exhaustive(model, HardPrefixSearch.ExhaustiveLimit + 1, bits));
    }
}
