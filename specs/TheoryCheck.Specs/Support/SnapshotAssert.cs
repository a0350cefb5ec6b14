// Compares a result table with its verified snapshot; a mismatch fails with cell-level messages and leaves .received.md.
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Specs.Support;

public static class SnapshotAssert
{
    public static void Matches(ResultTable table)
    {
        var check = SnapshotStore.Default().Match(table);
        Assert.True(check.Ok, check.Message);
    }
}
