// Seeded creation of coin predictors: the one place a coin model gets its initial weights.
using TorchSharp;
namespace TheoryCheck.Torch.Models;

public static class CoinModels
{
    /// <summary>A model of <paramref name="config"/> on the runtime device, weights drawn from <paramref name="initSeed"/>
    /// (torch's module init reads the global RNG, so creation runs under the runtime's init lock).</summary>
    public static CoinPredictor Create(ModelConfig config, ulong initSeed) =>
        TorchRuntime.SeededInit(initSeed, () =>
        {
            var model = new CoinPredictor(config);
            model.to(TorchRuntime.Device);
            return model;
        });
}
