// The snapshot comparer: tolerances, ± cells, cell-level messages, received files, missing and corrupt snapshots.
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class SnapshotStoreTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "tc-snap-" + Guid.NewGuid().ToString("N"));
    SnapshotStore Store => new(dir);

    static ResultTable Table(double v, double se = 0.01) =>
        new ResultTable("t", "Title", new[] { "row", "value", "kl" }, new[] { "note" },
                        new Dictionary<string, Tolerance> { ["value"] = new(0.001, SeMultiple: 4), ["kl"] = new(1e-6) })
            .Add("a", (v, se), 0.5).Add("b", 1.0, 0.25);

    void Verify(ResultTable t) { Directory.CreateDirectory(dir); File.WriteAllText(Store.VerifiedPath(t.Name), t.ToMarkdown()); }

    [Fact]
    public void MissingSnapshotFailsAndWritesReceived()
    {
        var check = Store.Match(Table(1));
        Assert.False(check.Ok);
        Assert.True(File.Exists(Store.ReceivedPath("t")));
        Assert.False(File.Exists(Store.VerifiedPath("t")));
    }

    [Fact]
    public void WithinSeToleranceMatchesAndRemovesStaleReceived()
    {
        Verify(Table(1.00));
        File.WriteAllText(Store.ReceivedPath("t"), "stale");
        var check = Store.Match(Table(1.03));                       // |diff| 0.03 ≤ 0.001 + 4·0.01
        Assert.True(check.Ok, check.Message);
        Assert.False(File.Exists(Store.ReceivedPath("t")));
    }

    [Fact]
    public void OutsideToleranceNamesRowColumnExpectedAndGot()
    {
        Verify(Table(1.00));
        var check = Store.Match(Table(1.10));
        Assert.False(check.Ok);
        var problem = Assert.Single(check.Problems);
        Assert.Contains("row 1 (a) 'value': expected 1.0000 ± 0.0100 got 1.1000 ± 0.0100", problem);
        Assert.True(File.Exists(Store.ReceivedPath("t")));
        Assert.Contains("1.0000", File.ReadAllText(Store.VerifiedPath("t")));   // verified file untouched
    }

    [Fact]
    public void ACellsOwnToleranceOverridesItsColumnsForThatCellOnly()
    {
        static ResultTable WithCellTolerance(double a, double b) =>
            new ResultTable("t", "Title", new[] { "row", "value" }, null,
                            new Dictionary<string, Tolerance> { ["value"] = new(0.01), [ResultTable.CellKey("a", "value")] = new(0.2) })
                .Add("a", a).Add("b", b);
        Verify(WithCellTolerance(1.0, 1.0));
        Assert.True(Store.Match(WithCellTolerance(1.15, 1.005)).Ok);                    // a within its own 0.2, b within 0.01
        var problem = Assert.Single(Store.Match(WithCellTolerance(1.25, 1.0)).Problems);  // a past its own 0.2
        Assert.Contains("row 1 (a)", problem);
        problem = Assert.Single(Store.Match(WithCellTolerance(1.0, 1.15)).Problems);      // b keeps the column's 0.01
        Assert.Contains("row 2 (b)", problem);
        Assert.Throws<ArgumentException>(() => new ResultTable("t", "T", new[] { "row", "value" }, null,
            new Dictionary<string, Tolerance> { [ResultTable.CellKey("a", "nope")] = new(0.2) }));
    }

    [Fact]
    public void TextCellsMustMatchExactly()
    {
        Verify(Table(1));
        var other = new ResultTable("t", "Title", new[] { "row", "value", "kl" }, new[] { "note" },
                        new Dictionary<string, Tolerance> { ["value"] = new(0.001, SeMultiple: 4), ["kl"] = new(1e-6) })
            .Add("A", (1.0, 0.01), 0.5).Add("b", 1.0, 0.25);
        Assert.Contains(Store.Match(other).Problems, p => p.Contains("'row': expected 'a' got 'A'"));
    }

    [Fact]
    public void CorruptVerifiedFileIsReportedNotOverwritten()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Store.VerifiedPath("t"), "garbage without a table");
        var check = Store.Match(Table(1));
        Assert.False(check.Ok);
        Assert.Contains(check.Problems, p => p.Contains("no markdown table"));
        Assert.Equal("garbage without a table", File.ReadAllText(Store.VerifiedPath("t")));
    }

    [Fact]
    public void AcceptRenamesReceivedOverVerified()
    {
        Store.Match(Table(1));
        Assert.True(Store.Accept("t"));
        Assert.True(Store.Match(Table(1)).Ok);
        Assert.False(Store.Accept("t"));
    }

    [Fact]
    public void RowCountChangeIsReported()
    {
        Verify(Table(1));
        var shorter = new ResultTable("t", "Title", new[] { "row", "value", "kl" }, new[] { "note" },
                        new Dictionary<string, Tolerance> { ["value"] = new(0.001, SeMultiple: 4), ["kl"] = new(1e-6) })
            .Add("a", (1.0, 0.01), 0.5);
        Assert.Contains(Store.Match(shorter).Problems, p => p.Contains("row count: expected 2 got 1"));
    }

    public void Dispose() { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
}
