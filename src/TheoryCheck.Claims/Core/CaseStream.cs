// The one place a claim's cases come from: (claim, scale, seed) → the same instances for `dotnet test`, `run`, `rerun`
// and shards. Nothing else may draw cases.
using FsCheck;
using FsCheck.Fluent;

namespace TheoryCheck.Claims.Core;

public static class CaseStream
{
    /// <summary>FsCheck's size parameter for every draw (generators here use explicit ranges, so it only matters for Gen.Sized).</summary>
    const int Size = 50;

    /// <summary>The seed a claim's cases are drawn from at user seed <paramref name="seed"/>; results.json records it.</summary>
    public static ulong SeedOf(string claimId, int seed) => SeedPlan.For(seed, SeedPurposes.Cases(claimId)).Data;

    /// <summary>The claim's CaseCount(scale) cases at (scale, seed), in order: case i is the i-th draw of one seeded stream.</summary>
    public static IReadOnlyList<T> Draw<T>(Claim<T> claim, Scale scale, int seed) =>
        claim.Cases(scale).Sample(claim.CaseCount(scale), new Rnd(SeedOf(claim.Spec.Id, seed)), Size).ToArray();
}
