// What `theorycheck --claims MyClaims.dll` loads: every public IClaimFamily with a parameterless constructor.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace MyClaims;

public sealed class MyClaimsFamily : IClaimFamily
{
    public string Key => "MY";
    public IReadOnlyList<IClaim> Claims { get; } = new IClaim[] { BayesBeatsOtherPriors.Claim };
    public IReadOnlyList<ITableSource> Tables { get; } = new ITableSource[] { RegretTable.Instance };
}
