// A claim family from outside this repository: a user's assembly declares one public class implementing IClaimFamily (with a
// parameterless constructor), and `theorycheck --claims THAT.dll` or a theorycheck.json registers it in the Catalog beside the
// built-in MB, PT and PA families (docs/writing-a-claim.md).
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.Core;

public interface IClaimFamily
{
    /// <summary>The family key every one of its claim specs carries (e.g. "LR"); also a selector (`run LR`).</summary>
    string Key { get; }

    /// <summary>Its claims, in id order. Ids must not clash with any other family's.</summary>
    IReadOnlyList<IClaim> Claims { get; }

    /// <summary>Its result tables (snapshot-gated or report-only); `run --report` builds them beside the claims.</summary>
    IReadOnlyList<ITableSource> Tables => [];

    /// <summary>Its catalogued near misses for `theorycheck power`.</summary>
    IReadOnlyList<Power.Mutant> Mutants => [];
}
