// A snapshot cell that carries one of a claim's bounds in the claim's own setting. A snapshot gates such a cell only if its
// tolerance is narrower than the cell's distance to the bound: otherwise the value could cross the bound and the snapshot
// would still match. SnapshotMarginTests check that on the verified files.
namespace TheoryCheck.Claims.Snapshots;

/// <summary>
/// The cell in row <paramref name="Row"/> (its leading cells joined by " | ", e.g. "lstm-e16-h64 | beta:1,1") and column
/// <paramref name="Column"/> measures bound <paramref name="Metric"/> of claim <paramref name="Claim"/>, as
/// cell − <paramref name="MinusRow"/>'s cell in the same column − <paramref name="Minus"/>, taken as an absolute value when
/// <paramref name="Absolute"/>.
/// </summary>
public sealed record ClaimCell(string Claim, string Metric, string Row, string Column, string? MinusRow = null,
                               double Minus = 0, bool Absolute = false);
