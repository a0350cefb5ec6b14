// The console/markdown summary of a run: one row per claim with the worst bound and the control. Reads the results.json
// records, so resumed, merged and re-run claims print the same way as fresh ones.
using System.Globalization;
using System.Text;

namespace TheoryCheck.Cli.Reporting;

public static class ClaimTable
{
    public static string ToMarkdown(IEnumerable<ResultsJson.ClaimDto> claims)
    {
        var sb = new StringBuilder();
        sb.Append("| id | verdict | bound | measured | limit | control | cases | seconds |\n");
        sb.Append("|:--|:--|:--|--:|--:|:--|--:|--:|\n");
        foreach (var c in claims)
        {
            var shown = c.Bounds.Count == 0 ? null : c.Bounds.OrderBy(Margin).First();
            var ctl = c.Control.Bounds.FirstOrDefault();
            string control = ctl is null ? c.Control.Status : $"{c.Control.Status}: {ctl.Metric} = {Measured(ctl)}";
            sb.Append(CultureInfo.InvariantCulture,
                $"| {c.Id} | {c.Verdict} | {(shown is null ? "" : BoundText(shown))} | {(shown is null ? "" : Measured(shown))} | {shown?.Limit:G4} | {control} | {c.CaseCount} | {c.Seconds:0.0} |\n");
        }
        return sb.ToString();
    }

    /// <summary>A bound the run could not measure (Measurement.NotApplicable): NaN, with the reason as its method.</summary>
    public static bool NotApplicable(ResultsJson.BoundDto b) => TheoryCheck.Claims.Statistics.Measurement.MarksNotApplicable(b.Measured, b.Method);

    /// <summary>"yes", "no", or "n/a" for a bound the run could not measure.</summary>
    public static string HoldsText(ResultsJson.BoundDto b) => NotApplicable(b) ? "n/a" : b.Holds ? "yes" : "no";

    public static string BoundText(ResultsJson.BoundDto b) => FormattableString.Invariant($"{b.Metric} {b.Op} {b.Value:G6}");

    /// <summary>The value ± SE, or "not applicable (why)" for a bound the run could not measure.</summary>
    public static string Measured(ResultsJson.BoundDto b) =>
        NotApplicable(b) ? $"{b.Method.Replace(": ", " (", StringComparison.Ordinal)})"
            : Measured(b.Measured, b.Se);

    public static string Measured(double value, double se) =>
        se == 0 ? FormattableString.Invariant($"{value:G4}") : FormattableString.Invariant($"{value:G4} ± {se:G2}");

    /// <summary>Signed distance of the limit from the bound, relative to the bound's size; the smallest is the one shown. A bound
    /// that is not applicable has no limit: +∞, so it is shown only when no other bound is there.</summary>
    public static double Margin(ResultsJson.BoundDto b) => NotApplicable(b) ? double.PositiveInfinity :
        (b.Op == "<=" ? b.Value - b.Limit : b.Limit - b.Value) / Math.Max(Math.Abs(b.Value), 1e-300);
}
