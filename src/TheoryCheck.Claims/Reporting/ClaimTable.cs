// The console/markdown summary of a run: one row per claim with the worst bound and the control.
using System.Globalization;
using System.Text;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Reporting;

public static class ClaimTable
{
    public static string ToMarkdown(IEnumerable<ClaimResult> results)
    {
        var sb = new StringBuilder();
        sb.Append("| id | verdict | bound | measured | limit | control | cases | seconds |\n");
        sb.Append("|:--|:--|:--|--:|--:|:--|--:|--:|\n");
        foreach (var r in results)
        {
            var shown = r.Bounds.Count == 0 ? null : r.Bounds.OrderBy(Judge.Margin).First();
            var ctl = r.Control.Bounds.FirstOrDefault();
            string control = ctl is null ? r.Control.Status.ToString().ToLowerInvariant()
                : $"{r.Control.Status.ToString().ToLowerInvariant()}: {ctl.Bound.Metric} = {ctl.Measured}";
            sb.Append(CultureInfo.InvariantCulture,
                $"| {r.Spec.Id} | {r.Verdict.ToString().ToLowerInvariant()} | {shown?.Bound} | {shown?.Measured} | {shown?.Limit:G4} | {control} | {r.Cases} | {r.Seconds:0.0} |\n");
        }
        return sb.ToString();
    }
}
