// A tiny LSTM really trains under `dotnet test`: the loss drops and no tensor leaks across steps.
using TheoryCheck.Claims.MetaLearning;
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
        using var model = MetaTraining.Create(ModelConfig.Lstm(8, 16), seeds.Init);
        var rng = seeds.DataRandom();
        using var gen = new torch.Generator(seeds.Data);
        var prior = new RandomCoins(1, 1);
        var live = new List<long>();
        var report = Trainer.Fit(model.parameters(), step =>
        {
            live.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
            var taus = Enumerable.Range(0, 64).Select(_ => prior.SampleBias(rng)).ToArray();
            var bits = CoinBatches.SampleBits(taus, 20, gen);
            return CoinBatches.SummedLogLoss(model.forward(CoinBatches.Inputs(bits)), bits);
        }, new OptimiserConfig(Steps: 60, LearningRate: 1e-2));

        double first = report.Losses.Take(5).Average(), last = report.Losses.TakeLast(5).Average();
        Assert.True(last < first - 0.5, $"loss did not drop: first 5 steps {first:F3}, last 5 {last:F3}");
        // Adam creates its state on the first step; from then on every step must free what it made.
        Assert.True(live.Skip(2).Distinct().Count() == 1, $"live tensors grew across steps: {string.Join(",", live.Skip(2).Distinct())}");
    }

    [Fact]
    public void NanLossStopsTrainingWithAClearError()
    {
        TorchRuntime.Initialize();
        using var model = MetaTraining.Create(ModelConfig.Lstm(4, 4), 1);
        var e = Assert.Throws<TrainingDivergedException>(() =>
            Trainer.Fit(model.parameters(), _ => torch.tensor(float.NaN, requires_grad: true) * model.parameters().First().sum(),
                        new OptimiserConfig(5, 1e-3), label: "nan test"));
        Assert.Contains("loss became NaN at step 1/5", e.Message);
    }
}
