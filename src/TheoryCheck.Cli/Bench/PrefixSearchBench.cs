// Figure 3: HardPT throughput. HardPrefixSearch.Exhaustive scores all 2^L prefixes of the main prefix length on the
// ci scoring set (p1 §4.4: L = 6 over 256 sequences of length 50), on the ci networks, with the runtime's thread count.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TheoryCheck.Torch.Tuning;
using static TorchSharp.torch;

namespace TheoryCheck.Cli.Bench;

public sealed record PrefixSearchResult(string Model, string Config, int PrefixLength, int Prefixes, int Sequences, int Length,
                                        int Threads, double SecondsPerSearch, double PrefixesPerSecond);

public static class PrefixSearchBench
{
    public static IReadOnlyList<PrefixSearchResult> Run(BenchPlan plan, Action<string> log)
    {
        int length = PromptingSetup.PrefixLength;
        var preset = PromptingSetup.Preset(Scale.Ci);
        int sequences = preset.SearchSequences, seqLength = preset.Budget.Length;
        var results = new List<PrefixSearchResult>();
        foreach (var b in BenchModel.All.Where(m => m.Name.EndsWith(" ci")))
        {
            log($"HardPT exhaustive search: {b.Name}, L = {length}, {sequences} × {seqLength}");
            // Weights do not change the cost of a forward pass: an untrained network times the same as a trained one.
            using var model = CoinModels.Create(b.Config, initSeed: 1);
            using var scope = NewDisposeScope();
            using var bitsRng = new Generator(3);
            var bits = CoinBatches.SampleBits(Enumerable.Repeat(0.2, sequences).ToArray(), seqLength, bitsRng);    // (S, N)
            model.eval();
            double ms = StepTimer.MedianMs(plan.Warmup, plan.Timed, () => HardPrefixSearch.Exhaustive(model, length, bits));
            int prefixes = 1 << length;
            results.Add(new PrefixSearchResult(b.Name, b.Config.Name, length, prefixes, sequences, seqLength,
                                               TorchRuntime.Threads, ms / 1e3, prefixes / (ms / 1e3)));
        }
        return results;
    }
}
