// Seeds per purpose (data, init, eval), handed over explicitly. Nothing in TheoryCheck reads a global RNG unseeded.
namespace TheoryCheck;

/// <summary>Independent seeds for data sampling, weight initialisation and evaluation sets.</summary>
public readonly record struct SeedPlan(ulong Data, ulong Init, ulong Eval)
{
    /// <summary>Derives the three streams from one user seed and a purpose tag (claim number, repetition).</summary>
    public static SeedPlan From(int seed, int stream = 0) =>
        new(Mix((ulong)seed, (ulong)stream, 1), Mix((ulong)seed, (ulong)stream, 2), Mix((ulong)seed, (ulong)stream, 3));

    /// <summary>A fresh plan for repetition <paramref name="rep"/>: every stream shifts, none is shared.</summary>
    public SeedPlan ForRepetition(int rep) =>
        new(Mix(Data, (ulong)rep, 11), Mix(Init, (ulong)rep, 12), Mix(Eval, (ulong)rep, 13));

    public Random DataRandom() => new((int)(Data & 0x7fffffff));
    public Random EvalRandom() => new((int)(Eval & 0x7fffffff));

    public override string ToString() => $"data={Data} init={Init} eval={Eval}";

    // SplitMix64 finaliser: stable across processes and platforms (never string.GetHashCode).
    static ulong Mix(ulong a, ulong b, ulong tag)
    {
        ulong z = a * 0x9E3779B97F4A7C15UL + b * 0xBF58476D1CE4E5B9UL + tag * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31)) & 0x7fffffffffffUL;
    }
}
