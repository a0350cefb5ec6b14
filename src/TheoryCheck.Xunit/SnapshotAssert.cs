// Compares a result table with its verified snapshot; a mismatch fails with cell-level messages and leaves .received.md.
// The snapshots live beside the test project that asserts them (SnapshotStore.For its assembly), never at a path fixed when
// this library was built.
using System.Reflection;
using System.Runtime.CompilerServices;
using TheoryCheck.Claims.Snapshots;
using Xunit;

namespace TheoryCheck.Xunit;

public static class SnapshotAssert
{
    /// <summary>Gates <paramref name="table"/> against {Name}.verified.md in the calling test project's snapshots folder.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Matches(ResultTable table) => Matches(table, SnapshotStore.For(Assembly.GetCallingAssembly()));

    public static void Matches(ResultTable table, SnapshotStore store)
    {
        var check = store.Match(table);
        Assert.True(check.Ok, check.Message);
    }
}
