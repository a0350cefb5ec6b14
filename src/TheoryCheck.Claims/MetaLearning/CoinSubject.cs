// What the MB claims test: a coin predictor. Usually a meta-trained network; under `power`, a mutant standing in its place
// (exact Bayes of a wrong prior, a network trained on the wrong prior...). The claims read predictions only through it.
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;

namespace TheoryCheck.Claims.MetaLearning;

/// <summary>Per sequence, P(x_{t+1} = 1 | x_1..x_t) for every t (index 0 before any data), as CoinNetwork.PredictOnes.</summary>
public sealed class CoinSubject(string name, Func<IReadOnlyList<int[]>, double[][]> predict)
{
    public string Name => name;

    public double[][] PredictOnes(IReadOnlyList<int[]> sequences) => predict(sequences);

    public static CoinSubject Of(CoinNetwork network) => new(network.Config.Name, s => network.PredictOnes(s));

    public static CoinSubject Of(ISequencePredictor predictor, string name) =>
        new(name, s => s.Select(b => predictor.PredictOnes(b)).ToArray());

    public override string ToString() => name;
}
