// A tiny LSTM really trains under `dotnet test`: the loss drops and no tensor leaks across steps.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TorchSharp;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Claim")]
[Collection(TorchCollection.Name)]
public sealed class SmokeTrainingTests
{
    [Fact]
    public void TinyLstmLowersItsLossAndLiveTensorCountStaysFlat()
    {
        TorchRuntime.Initialize();
        var seeds = SeedPlan.From(3);
        using var model = CoinModels.Create(ModelConfig.Lstm(8, 16), seeds.Init);
        var prior = new RandomCoins(1, 1);
        var data = new CoinStream(prior.SampleBias, seeds.DataRandom(), seeds.Data, Batch: 64, Length: 20);
        var live = new List<long>();
        var report = CoinTraining.Fit(model, data, new OptimiserConfig(Steps: 60, LearningRate: 1e-2),
            beforeStep: _ => live.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount));

        double first = report.Losses.Take(5).Average(), last = report.Losses.TakeLast(5).Average();
        Assert.True(last < first - 0.5, $"loss did not drop: first 5 steps {first:F3}, last 5 {last:F3}");
        // Adam creates its state on the first step; from then on every step must free what it made.
        Assert.True(live.Skip(2).Distinct().Count() == 1, $"live tensors grew across steps: {string.Join(",", live.Skip(2).Distinct())}");
    }

    [Fact]
    public void NanLossStopsTrainingWithAClearError()
    {
        TorchRuntime.Initialize();
        using var model = CoinModels.Create(ModelConfig.Lstm(4, 4), 1);
        var e = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Fit(model.parameters(), _ => torch.tensor(float.NaN, requires_grad: true) * model.parameters().First().sum(),
                        new OptimiserConfig(5, 1e-3), label: "nan test"));
        Assert.Contains("loss became NaN at step 1/5", e.Message);
    }
}
