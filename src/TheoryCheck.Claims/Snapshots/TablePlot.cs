// How a report draws a table that the tool has no figure of its own for (a user's table): one line per row across the
// columns whose headers carry an x value ("N=10", "k=3"), labelled by the row's other cells, with ± SE bars where a cell
// has one. Built-in tables are drawn by
// the CLI itself (src/TheoryCheck.Cli/Plots.cs).
using System.Globalization;

namespace TheoryCheck.Claims.Snapshots;

/// <param name="XLabel">What the number in the column headers is, e.g. "N (tosses)".</param>
/// <param name="YLabel">What the cells are, e.g. "expected regret (nats)".</param>
public sealed record TablePlot(string XLabel, string YLabel)
{
    /// <summary>The x of a column: the number after the header's last '=' ("N=10" → 10); null for a label column.</summary>
    public static double? X(string header)
    {
        int eq = header.LastIndexOf('=');
        return eq >= 0 && double.TryParse(header[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null;
    }
}
