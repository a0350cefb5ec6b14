// Verify's dangling check: every verified file in snapshots/ must be produced by a registered table.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Specs;

[Trait("Tier", "Fast")]
public sealed class SnapshotHygiene
{
    [Fact]
    public void EveryVerifiedSnapshotHasAProducer()
    {
        var produced = Catalog.Tables.Select(t => t.Name).ToHashSet();
        var orphans = SnapshotStore.Default().VerifiedNames().Where(n => !produced.Contains(n)).ToArray();
        Assert.True(orphans.Length == 0, $"verified snapshots that no test produces: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void EveryRegisteredTableHasAVerifiedSnapshot()
    {
        var store = SnapshotStore.Default();
        var missing = Catalog.Tables.Select(t => t.Name).Where(n => !File.Exists(store.VerifiedPath(n))).ToArray();
        Assert.True(missing.Length == 0, $"tables without a verified snapshot: {string.Join(", ", missing)}");
    }
}
