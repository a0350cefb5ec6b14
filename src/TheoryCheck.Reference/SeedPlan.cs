// Seeds per purpose (data, init, eval), handed over explicitly. Nothing in TheoryCheck reads a global RNG unseeded.
// Every derived seed comes from For(seed, purpose) with a purpose named in SeedPurposes; the mixers below are the only ones.
namespace TheoryCheck;

/// <summary>Independent seeds for data sampling, weight initialisation and evaluation sets.</summary>
public readonly record struct SeedPlan(ulong Data, ulong Init, ulong Eval)
{
    /// <summary>Derives the three streams from one user seed and a stream number.</summary>
    public static SeedPlan From(int seed, int stream = 0) =>
        new(Mix((ulong)seed, (ulong)stream, 1), Mix((ulong)seed, (ulong)stream, 2), Mix((ulong)seed, (ulong)stream, 3));

    /// <summary>The plan of a named stream purpose at user seed <paramref name="seed"/>.</summary>
    public static SeedPlan For(int seed, SeedStream purpose) => From(seed, purpose.Stream);

    /// <summary>The System.Random seed of a named sub-stream of <paramref name="seed"/> (a case seed or a table row's seed).</summary>
    public static int For(int seed, SeedSalt purpose) => seed ^ purpose.Salt;

    /// <summary>The System.Random seed of one evaluation sequence: it depends only on (seed, index), so sets extend.</summary>
    public static int For(ulong evalSeed, EvalSequence purpose)
    {
        ulong z = evalSeed * 0x9E3779B97F4A7C15UL + (ulong)purpose.Index * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 31)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 29)) & 0x7fffffff);
    }

    /// <summary>A fresh plan for repetition <paramref name="rep"/>: every stream shifts, none is shared.</summary>
    public SeedPlan ForRepetition(int rep) =>
        new(Mix(Data, (ulong)rep, 11), Mix(Init, (ulong)rep, 12), Mix(Eval, (ulong)rep, 13));

    /// <summary>The data stream as a non-negative System.Random seed.</summary>
    public int DataSeed => (int)(Data & 0x7fffffff);

    public Random DataRandom() => new(DataSeed);
    public Random EvalRandom() => new((int)(Eval & 0x7fffffff));

    public override string ToString() => $"data={Data} init={Init} eval={Eval}";

    /// <summary>FNV-1a of a name: a stable stream number (string.GetHashCode is randomised per process).</summary>
    internal static int StreamOf(string name)
    {
        uint h = 2166136261;
        foreach (char ch in name) h = (h ^ ch) * 16777619;
        return (int)(h & 0x7fffffff);
    }

    // SplitMix64 finaliser: stable across processes and platforms (never string.GetHashCode).
    static ulong Mix(ulong a, ulong b, ulong tag)
    {
        ulong z = a * 0x9E3779B97F4A7C15UL + b * 0xBF58476D1CE4E5B9UL + tag * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31)) & 0x7fffffffffffUL;
    }
}
