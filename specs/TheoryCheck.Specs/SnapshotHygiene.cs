// Verify's dangling check: every verified file in snapshots/ must be produced by a registered snapshot table, and every
// registered snapshot table must have one.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Attention;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Claims.PromptTuning;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Specs;

[Trait("Tier", "Fast")]
public sealed class SnapshotHygiene
{
    [Fact]
    public void EveryVerifiedSnapshotHasAProducer()
    {
        var produced = Catalog.Tables.Where(t => t.IsSnapshot).Select(t => t.Name)
            .Concat(TheoryCheck.Claims.Maps.ReferenceMap.All.Select(m => m.Name)).ToHashSet();
        var orphans = SnapshotStore.Default().VerifiedNames().Where(n => !produced.Contains(n)).ToArray();
        Assert.True(orphans.Length == 0, $"verified snapshots that no test produces: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void EveryRegisteredTableHasAVerifiedSnapshot()
    {
        var store = SnapshotStore.Default();
        var missing = Catalog.Tables.Where(t => t.IsSnapshot).Select(t => t.Name).Where(n => !File.Exists(store.VerifiedPath(n))).ToArray();
        Assert.True(missing.Length == 0, $"tables without a verified snapshot: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryReferenceMapHasAVerifiedSnapshotAndAPng()
    {
        var store = SnapshotStore.Default();
        foreach (var m in TheoryCheck.Claims.Maps.ReferenceMap.All)
        {
            Assert.True(File.Exists(store.VerifiedPath(m.Name)), $"reference map {m.Name} has no verified snapshot");
            Assert.True(File.Exists(Path.Combine(store.Directory, "..", "docs", "maps", m.Name + ".png")), $"reference map {m.Name} has no docs/maps/{m.Name}.png");
        }
    }

    [Fact]
    public void EveryTableHasAUniqueNameAndAFamilyWithClaims()
    {
        Assert.Equal(Catalog.Tables.Count, Catalog.Tables.Select(t => t.Name).Distinct().Count());
        Assert.All(Catalog.Tables, t => Assert.Contains(t.Family, Catalog.Families));
        Assert.All(MetaLearningFamily.Claims, c => Assert.Equal(MetaLearningFamily.Key, c.Spec.Family));
        Assert.All(PromptTuningFamily.Claims, c => Assert.Equal(PromptTuningFamily.Key, c.Spec.Family));
        Assert.All(AttentionFamily.Claims, c => Assert.Equal(AttentionFamily.Key, c.Spec.Family));
    }
}
