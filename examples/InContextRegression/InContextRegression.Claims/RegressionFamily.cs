// What `theorycheck --claims InContextRegression.Claims.dll` loads: the LR family's claims and tables.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace InContextRegression;

public sealed class RegressionFamily : IClaimFamily
{
    public string Key => RegressionSetup.Family;
    public IReadOnlyList<IClaim> Claims { get; } = new IClaim[] { BayesRidge.Claim, BeatsLeastSquares.Claim, FollowsTaskSet.Claim };
    public IReadOnlyList<ITableSource> Tables { get; } =
        new ITableSource[] { ReferenceGapsTable.Instance, NetworkGapsTable.Instance };
}
