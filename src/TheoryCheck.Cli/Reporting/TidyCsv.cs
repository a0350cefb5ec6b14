// results.csv in tidy form: one row per observation (claim × case × metric, and result table × row × numeric column),
// so that R/pandas/Excel can filter and plot without parsing markdown.
using System.Globalization;
using System.Text;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli.Reporting;

public static class TidyCsv
{
    public static readonly string[] Columns =
        { "source", "family", "claim", "role", "case_index", "setting", "metric", "op", "bound", "value", "se", "limit", "samples", "method", "holds", "verdict" };

    /// <param name="tables">The run's result tables with their family key.</param>
    public static string Build(ResultsJson.Document doc, IEnumerable<(string Family, ResultTable Table)> tables)
    {
        var sb = new StringBuilder(string.Join(",", Columns)).Append('\n');
        foreach (var c in doc.Claims)
        {
            // role "case": every drawn case (verdict of that case); "control": the negative control's values in that case;
            // an unmeasured claim (not run) keeps one row per bound of its reported case.
            if (c.Cases is { Count: > 0 } cases)
                foreach (var k in cases)
                    foreach (var b in k.Bounds)
                    {
                        Row(sb, "claim", c.Family, c.Id, "case", k.Index, k.Case, b, k.Verdict);
                        if (b.Control is { } ctl)
                            Line(sb, "claim", c.Family, c.Id, "control", Index(k.Index), ctl.Description, b.Metric, b.Op, Num(b.Value), Num(ctl.Measured),
                                 Num(ctl.Se), Num(ctl.Limit), "", "", ctl.Fails ? "false" : "true", ctl.Fails ? "fails" : "does not fail");
                    }
            else
                foreach (var b in c.Bounds) Row(sb, "claim", c.Family, c.Id, "case", -1, c.Case, b, c.Verdict);
        }
        foreach (var (family, t) in tables)
        {
            var numeric = Enumerable.Range(0, t.Columns.Length)
                .Where(i => t.Rows.Count > 0 && t.Rows.All(r => SnapshotStore.TryNumber(r[i], out _, out _))).ToHashSet();
            foreach (var r in t.Rows)
            {
                string setting = string.Join("; ", Enumerable.Range(0, t.Columns.Length).Where(i => !numeric.Contains(i))
                                                            .Select(i => $"{t.Columns[i]}={r[i]}"));
                foreach (int i in numeric.Order())
                {
                    SnapshotStore.TryNumber(r[i], out double v, out double se);
                    Line(sb, "table:" + t.Name, family, "", "table", "", setting, t.Columns[i], "", "", Num(v), Num(se), "", "", "", "", "");
                }
            }
        }
        return sb.ToString();
    }

    static void Row(StringBuilder sb, string source, string family, string id, string role, int index, string setting, ResultsJson.BoundDto b, string verdict) =>
        Line(sb, source, family, id, role, Index(index), setting, b.Metric, b.Op, Num(b.Value), Num(b.Measured), Num(b.Se), Num(b.Limit),
             b.Samples.ToString(CultureInfo.InvariantCulture), b.Method, b.Holds ? "true" : "false", verdict);

    static string Index(int i) => i < 0 ? "" : i.ToString(CultureInfo.InvariantCulture);

    static string Num(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    static void Line(StringBuilder sb, params string[] cells) =>
        sb.Append(string.Join(",", cells.Select(Quote))).Append('\n');

    /// <summary>RFC 4180: quote a cell holding a comma, quote or line break; double the quotes inside.</summary>
    public static string Quote(string cell) =>
        cell.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
