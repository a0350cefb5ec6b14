// Where coin training sequences come from, as .NET values: callers describe the data, Torch turns it into tensors.
namespace TheoryCheck.Torch.Training;

/// <summary>
/// Batches of <paramref name="Batch"/> sequences of <paramref name="Length"/> flips. Each batch first draws one bias per row
/// from <paramref name="SampleBias"/>(<paramref name="TaskRandom"/>), in row order, then all flips in one call to a torch
/// generator seeded with <paramref name="BitSeed"/>. The caller owns <paramref name="TaskRandom"/>; it advances with every batch.
/// </summary>
/// <param name="Batch">Rows per batch, ≥ 1.</param>
/// <param name="Length">Flips per row, ≥ 1.</param>
public sealed record CoinStream(Func<Random, double> SampleBias, Random TaskRandom, ulong BitSeed, int Batch, int Length);
