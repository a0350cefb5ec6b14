// The model cache: a stored model loads bit-identically; a corrupt entry is reported and retrained, never trusted.
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class ModelCacheTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "tc-cache-" + Guid.NewGuid().ToString("N"));
    static readonly MetaTrainingSpec Spec = new(ModelConfig.Lstm(4, 8), new RandomCoins(1, 1), new MetaBudget(5, 8, 10, 1e-2), SeedPlan.From(9));

    CoinNetwork Get(List<string> warnings, out bool cached) =>
        ModelCache.GetOrTrain(Spec.Key, () => CoinNetwork.Create(Spec.Model, Spec.Seeds.Init),
            m => MetaTraining.Train(m, Spec, _ => { }), warnings.Add, out cached, dir);

    static double[] Predict(CoinNetwork m) => m.PredictOnes(new[] { new[] { 1, 0, 1, 1, 0 } })[0];

    [Fact]
    public void StoredModelLoadsIdenticallyAndCorruptEntryIsRetrained()
    {
        TorchRuntime.Initialize();
        var warnings = new List<string>();
        using var first = Get(warnings, out bool cached1);
        using var second = Get(warnings, out bool cached2);
        Assert.False(cached1);
        Assert.True(cached2);
        Assert.Equal(Predict(first), Predict(second));

        var weights = Directory.GetFiles(dir, "*.bin").Single();
        var bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0xff;
        File.WriteAllBytes(weights, bytes);
        using var third = Get(warnings, out bool cached3);
        Assert.False(cached3);
        Assert.Contains(warnings, w => w.Contains("corrupt") && w.Contains("retraining"));
        Assert.Equal(Predict(first), Predict(third));            // same seeds ⇒ same weights after retraining
    }

    /// <summary>A key written as the model's config alone (the guide's, the LR example's) is stored with the runtime appended:
    /// weights trained under another numeric policy or thread count are never brought back by it. The coin networks' keys
    /// carry the runtime already and stay as they are (tuning checkpoints name their network by that text).</summary>
    [Fact]
    public void EveryStoredKeyEndsWithTheRuntimeAndTheCoinKeysStayAsTheyAre()
    {
        TorchRuntime.Initialize();
        string suffix = "|" + ModelCache.RuntimeKey;
        Assert.Contains("mkl_cbwr=", suffix);
        Assert.Contains("onednn=", suffix);
        Assert.Equal("my net v1" + suffix, ModelCache.FullKey("my net v1"));
        Assert.Equal(ModelCache.FullKey("my net v1"), ModelCache.FullKey(ModelCache.FullKey("my net v1")));
        Assert.EndsWith(suffix, Spec.Key);
        Assert.Equal(Spec.Key, ModelCache.FullKey(Spec.Key));

        using var net = ModelCache.GetOrTrain("tiny v1", () => CoinNetwork.Create(Spec.Model, Spec.Seeds.Init),
            m => MetaTraining.Train(m, Spec, _ => { }), _ => { }, out _, dir);
        Assert.Equal("tiny v1" + suffix, File.ReadAllText(Directory.GetFiles(dir, "*.key.txt").Single()));
        Assert.Contains(ModelCache.Used, m => m.Key == "tiny v1" + suffix);
    }

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
}
