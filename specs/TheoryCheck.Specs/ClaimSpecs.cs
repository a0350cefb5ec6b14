// Every catalogued claim as one xunit case, run through the claim's own Run exactly as `theorycheck run` runs it. The tier
// comes from the claim's own record (ClaimSpec.Fast), so there is no per-claim wrapper to keep in step with the catalogue.
// One claim: `theorycheck run PT-3`, or `dotnet test --filter "FullyQualifiedName~TrainingClaims&DisplayName~PT-3"` (a substring
// match: DisplayName~PA-1 also selects PA-10 … PA-18).
// Spec collections run one at a time, in the order Support/SpecOrder.cs gives (single-threaded claims first, PT last): torch
// work on two threads outside Lanes is unsafe (FinalizerGate) and slow (stack.md §2).
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Attention;
using TheoryCheck.Specs.Support;
using TheoryCheck.Xunit;
using TheoryCheck.Torch.Models;
using Xunit.Abstractions;

namespace TheoryCheck.Specs;

public static class ClaimIds
{
    /// <summary>Claims that need no training (exact math, tiny random nets): the Fast tier.</summary>
    public static TheoryData<string> Fast => Of(s => s.Fast);

    /// <summary>Claims that train or simulate at the run's scale: the Claim tier.</summary>
    public static TheoryData<string> Training => Of(s => !s.Fast);

    /// <summary>Claims whose Transformer half runs in the Extended tier (ClaimSpec.TransformerInExtendedTier).</summary>
    public static TheoryData<string> TransformerHalves => Of(s => s.TransformerInExtendedTier);

    static TheoryData<string> Of(Func<ClaimSpec, bool> pick)
    {
        var ids = new TheoryData<string>();
        foreach (var c in Catalog.Claims.Where(c => pick(c.Spec))) ids.Add(c.Spec.Id);
        return ids;
    }
}

[Trait("Tier", "Fast")]
public sealed class FastClaims(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ClaimIds.Fast), MemberType = typeof(ClaimIds))]
    public void Holds(string id) => ClaimProperty.Check(Catalog.ById(id), output);
}

[Trait("Tier", "Claim")]
public sealed class TrainingClaims(ITestOutputHelper output)
{
    [SkippableTheory]
    [MemberData(nameof(ClaimIds.Training), MemberType = typeof(ClaimIds))]
    public void Holds(string id)
    {
        if (id == RealDataAttention.Claim.Spec.Id) DatasetSkip.WithoutFashionMnist(id);
        var claim = Catalog.ById(id);
        ClaimProperty.Check(claim, output, arch: claim.Spec.TransformerInExtendedTier ? Architecture.Lstm : null);
    }
}

/// <summary>
/// The Extended tier: work moved out of the default `dotnet test` to keep it within its budget (docs/performance.md, *Suite
/// times*), run by hand with <c>THEORYCHECK_EXTENDED=1 dotnet test --filter Tier=Extended</c>; without the variable each test
/// is skipped and says so. Here: the Transformer half of the claims measured on both networks.
/// </summary>
[Trait("Tier", "Extended")]
public sealed class ExtendedClaims(ITestOutputHelper output)
{
    [SkippableTheory]
    [MemberData(nameof(ClaimIds.TransformerHalves), MemberType = typeof(ClaimIds))]
    public void TransformerHalfHolds(string id)
    {
        ExtendedTier.SkipUnlessRequested($"{id} on the Transformer");
        ClaimProperty.Check(Catalog.ById(id), output, arch: Architecture.Transformer);
    }
}
