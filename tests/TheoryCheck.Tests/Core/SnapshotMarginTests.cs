// A snapshot gates a claim's value only if the cell's tolerance is narrower than its distance to the claim's bound: otherwise
// the value could cross the bound and the snapshot would still match. Each table declares the cells that carry a claim's
// bound (ITableSource.ClaimCells); this reads the verified files and the tolerances written in them (no training).
using System.Globalization;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class SnapshotMarginTests
{
    public static TheoryData<string> TablesWithClaimCells()
    {
        var data = new TheoryData<string>();
        foreach (var t in Catalog.Tables.Where(t => t.IsSnapshot && t.ClaimCells.Count > 0)) data.Add(t.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(TablesWithClaimCells))]
    public void EveryClaimCellsToleranceIsInsideItsMargin(string name)
    {
        var source = Catalog.Table(name)!;
        string markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, "snapshots", name + ".verified.md"));
        var table = ResultTable.Parse(name, markdown);
        var tolerances = ResultTable.ParseTolerances(markdown);
        var problems = new List<string>();
        foreach (var c in source.ClaimCells)
        {
            var bound = Catalog.ById(c.Claim).Spec.Bounds.Single(b => b.Metric == c.Metric);
            Assert.True(source.Shows.Contains(c.Claim), $"{name} declares a cell of {c.Claim} but does not list it in Shows");
            var tolerance = ResultTable.ToleranceFor(tolerances, c.Row, c.Column);
            Assert.True(tolerance is not null, $"{name}: cell {c.Row} / {c.Column} has no tolerance");
            var (value, se) = CellAt(table, c.Row, c.Column);
            double measured = value - c.Minus - (c.MinusRow is null ? 0 : CellAt(table, c.MinusRow, c.Column).Value);
            if (c.Absolute) measured = Math.Abs(measured);
            double margin = bound.Op == Comparison.AtMost ? bound.Value - measured : measured - bound.Value;
            double allowed = tolerance!.Allowed(value, se, se);
            if (!(allowed < margin))
                problems.Add(FormattableString.Invariant(
                    $"{c.Claim} {bound} at {c.Row} / {c.Column} = {measured:G4}: tolerance {allowed:G3} ≥ margin {margin:G3}"));
        }
        Assert.True(problems.Count == 0, $"{name}: a claim's value could cross its bound inside the snapshot tolerance:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void ToleranceLinesReadBackAsWritten()
    {
        var t = new ResultTable("X", "x", new[] { "row", "coin:0.2 @50", "b", "c" }, null,
            new Dictionary<string, Tolerance>
            {
                ["coin:0.2 @50"] = new(0.02, SeMultiple: 4), ["b"] = new(0.1, Rel: 0.1), ["c"] = Tolerance.Exact,
                [ResultTable.CellKey("EmbedWT", "coin:0.2 @50")] = new(0.25, SeMultiple: 4),
            });
        var back = ResultTable.ParseTolerances(t.ToMarkdown());
        Assert.Equal(t.Tolerances.OrderBy(p => p.Key), back.OrderBy(p => p.Key));
        Assert.Throws<FormatException>(() => Tolerance.Parse("abs 0.1 + twice"));
    }

    /// <summary>EmbedWT's widened cells on the LSTM (PromptTuningTable.EmbedWtExtrapolationFloor) still reject the nearest miss,
    /// pt-extra-group, under which EmbedWT trains the unembedding too and scores as UnEmbedWT does: in every widened mixture
    /// cell the verified UnEmbedWT value lies outside EmbedWT's tolerance. (On the 0.2 coin both are near 0 past N = 50, so
    /// no tolerance that covers other CPUs could tell them apart there.)</summary>
    [Fact]
    public void EmbedWtsWidenedCellsStillRejectTheExtraGroupNearMiss()
    {
        const string name = "PromptTuning.MainComparison.LSTM";
        string markdown = File.ReadAllText(Path.Combine(RepoPaths.Root, "snapshots", name + ".verified.md"));
        var table = ResultTable.Parse(name, markdown);
        var tolerances = ResultTable.ParseTolerances(markdown);
        var widened = table.Columns.Where(c => tolerances.ContainsKey(ResultTable.CellKey("EmbedWT", c))).ToArray();
        Assert.NotEmpty(widened);
        foreach (var column in widened.Where(c => c.StartsWith("mix:", StringComparison.Ordinal)))
        {
            var (value, se) = CellAt(table, "EmbedWT", column);
            var (nearMiss, nearMissSe) = CellAt(table, "UnEmbedWT", column);
            double allowed = tolerances[ResultTable.CellKey("EmbedWT", column)].Allowed(value, se, nearMissSe);
            Assert.True(Math.Abs(nearMiss - value) > allowed,
                FormattableString.Invariant($"{column}: the near miss {nearMiss} is within EmbedWT's tolerance {allowed:G3} of {value}"));
        }
    }

    /// <summary>The cell of the row whose leading cells, joined by " | ", are <paramref name="row"/>.</summary>
    static (double Value, double Se) CellAt(ResultTable table, string row, string column)
    {
        int col = Array.IndexOf(table.Columns, column);
        Assert.True(col >= 0, $"{table.Name}: no column '{column}'");
        var matches = table.Rows.Where(r => (string.Join(" | ", r) + " |").StartsWith(row + " |", StringComparison.Ordinal)).ToArray();
        Assert.True(matches.Length == 1, $"{table.Name}: {matches.Length} rows match '{row}'");
        Assert.True(SnapshotStore.TryNumber(matches[0][col], out var value, out var se), $"{table.Name}: '{matches[0][col]}' is not a number");
        return (value, se);
    }
}
