// A snapshot can gate a finding only if its tolerance is narrower than the distance from the cell to the bound: otherwise a
// value could cross the bound and the snapshot would still match. This reads the verified findings tables (no training).
using System.Globalization;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class FindingsToleranceTests
{
    [Theory]
    [InlineData("PromptTuning.Findings")]
    [InlineData("Attention.Findings")]
    public void EveryReportedCellsToleranceIsInsideItsMargin(string table)
    {
        string path = Path.Combine(RepoPaths.Root, "snapshots", table + ".verified.md");
        var rows = File.ReadAllLines(path).Where(l => l.StartsWith("| ") && !l.StartsWith("| claim ")).Select(Cells).ToArray();
        Assert.NotEmpty(rows);
        // A borderline cell's own interval already straddles its bound: no tolerance narrower than its noise exists, and its
        // claim reports it borderline instead (Judge.Borderline). Every other reported cell must be gated.
        var reported = rows.Where(r => r[2] == "yes" && r[6] != "borderline").ToArray();
        var tooWide = new List<string>();
        foreach (var r in reported)
        {
            var (_, bound) = FindingsTable.ParseBound(r[4]);
            var parts = r[5].Split('±');
            double value = Parse(parts[0]), se = parts.Length > 1 ? Parse(parts[1]) : 0;
            double tolerance = FindingsTable.Floor + FindingsTable.SeMultiple * se, margin = Math.Abs(bound - value);
            if (tolerance >= margin)
                tooWide.Add(FormattableString.Invariant($"{r[0]} {r[3]} {r[4]} at {r[5]}: tolerance {tolerance:G3} ≥ margin {margin:G3}"));
        }
        Assert.True(tooWide.Count == 0, $"{table}: a value could cross its bound inside the snapshot tolerance:\n" + string.Join("\n", tooWide));
    }

    static string[] Cells(string line) => line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

    static double Parse(string s) => double.Parse(s.Trim(), CultureInfo.InvariantCulture);
}
