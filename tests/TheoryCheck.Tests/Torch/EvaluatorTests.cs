// The evaluator leaves a network's train/eval mode alone (lanes share one network: switching it raced with another lane's
// tuning). That is only sound while no coin network has a mode-dependent layer and both modes give the same forward. Its
// forward passes hold the finalizer gate (FinalizerGate), in a lane or not.
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;

namespace TheoryCheck.Tests.Torch;

[Trait("Tier", "Fast")]
[Collection(TorchCollection.Name)]
public sealed class EvaluatorTests
{
    public static TheoryData<string> Networks => new() { "lstm", "transformer" };

    static CoinPredictor Create(string arch) =>
        CoinModels.Create(arch == "lstm" ? ModelConfig.Lstm(8, 16) : ModelConfig.Transformer(16, 4), 5);

    [Theory]
    [MemberData(nameof(Networks))]
    public void NoCoinNetworkHasAModeDependentLayer(string arch)
    {
        TorchRuntime.Initialize();
        using var model = Create(arch);
        var layers = model.modules().Select(m => m.GetType().Name).ToArray();
        Assert.Contains(arch == "lstm" ? "LSTM" : "Linear", layers);   // the walk reaches the layers inside
        var modeDependent = layers.Where(n => n.Contains("Dropout") || n.Contains("BatchNorm") || n.Contains("InstanceNorm")).ToArray();
        Assert.True(modeDependent.Length == 0,
            $"{arch} has {string.Join(", ", modeDependent)}: Evaluator.PredictOnes evaluates in the network's current mode, so it must set eval mode again (without racing lanes that share the network)");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void TrainAndEvalModeGiveTheSamePredictionsAndTheModeIsLeftAlone(string arch)
    {
        TorchRuntime.Initialize();
        using var model = Create(arch);
        var rng = new Random(3);
        var sequences = Enumerable.Range(0, 256).Select(_ => Enumerable.Range(0, 60).Select(__ => rng.Next(2)).ToArray()).ToArray();
        model.train();
        var inTrain = Evaluator.PredictOnes(model, sequences);
        Assert.True(model.training);
        model.eval();
        var inEval = Evaluator.PredictOnes(model, sequences);
        Assert.False(model.training);
        for (int i = 0; i < sequences.Length; i++) Assert.Equal(inEval[i], inTrain[i]);
    }

    [Fact]
    public void ForwardPassesRunWithTheFinalizerParked()
    {
        TorchRuntime.Initialize();
        using var model = Create("lstm");
        // Other tests' lanes may hold the gate at the same time (the count is global), so only "held" is asserted.
        int holdersDuringForward = -1;
        Evaluator.PredictOnes(model, new[] { new[] { 0, 1, 1 } }, forward: x => { holdersDuringForward = FinalizerGate.Holders; return model.forward(x); });
        Assert.True(holdersDuringForward >= 1, $"{holdersDuringForward} holders during the forward pass");
    }
}
