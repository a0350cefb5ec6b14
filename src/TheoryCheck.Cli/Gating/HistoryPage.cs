// `history`'s page: one static HTML file with no script and nothing fetched at view time. The latest verdicts first (with
// each run's verdict as a coloured strip, and links into the runs' report.md), then one chart per claim (ClaimHistoryChart).
using System.Text;
using static TheoryCheck.Cli.Gating.ClaimHistoryChart;

namespace TheoryCheck.Cli.Gating;

public static class HistoryPage
{
    /// <param name="runs">Oldest first.</param>
    /// <param name="site">The folder the page is written to: links to the runs are relative to it.</param>
    public static string Html(IReadOnlyList<StoredRun> runs, string site)
    {
        var latest = runs[^1];
        var ids = runs.SelectMany(r => r.Doc.Claims.Select(c => c.Id)).Distinct().ToArray();
        // Each claim as the newest run that holds it records it (statement, source): one lookup for the table and the charts.
        var newest = ids.ToDictionary(id => id, id => runs.Select(r => r.Doc.Claims.FirstOrDefault(c => c.Id == id)).Last(c => c is not null)!);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>TheoryCheck history</title>\n<style>")
          .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#24292f;max-width:1320px}")
          .Append("table{border-collapse:collapse;margin:12px 0}td,th{border:1px solid #d0d7de;padding:4px 8px;font-size:13px;text-align:left;vertical-align:top}")
          .Append(".strip span{display:inline-block;width:14px;height:14px;margin-right:2px;border-radius:2px}")
          .Append(".charts{display:flex;flex-wrap:wrap;gap:16px}.claim{border:1px solid #d0d7de;border-radius:6px;padding:8px}")
          .Append("h2{margin-top:28px}.claim h3{margin:2px 0 6px 0;font-size:15px}.muted{color:#57606a}")
          .Append("</style></head><body>\n");
        sb.Append($"<h1>TheoryCheck history</h1>\n<p class=\"muted\">{runs.Count} runs, oldest first: ")
          .Append(string.Join(", ", runs.Select(r => $"{Esc(r.Commit)} ({Esc(Date(r))})")))
          .Append($". Scale {Esc(string.Join("/", runs.Select(r => r.Doc.Manifest.Scale).Distinct()))}, seed {Esc(string.Join("/", runs.Select(r => r.Doc.Manifest.Seed.ToString()).Distinct()))}.</p>\n");
        sb.Append("<p>Markers: ")
          .Append(string.Join(" ", new[] { "pass", "finding", "fail", "notrun" }.Select(v => $"<span style=\"color:{Colour(v)}\">■ {(v == "notrun" ? "not run" : v)}</span>")))
          .Append("; the dashed red line is the bound; bars are ± 1 SE.</p>\n");

        sb.Append("<h2 id=\"latest\">Latest verdicts</h2>\n<table><tr><th>claim</th><th>statement</th><th>latest</th><th>each run, oldest first</th><th>report</th></tr>\n");
        foreach (var id in ids)
        {
            var claim = newest[id];
            var now = latest.Doc.Claims.FirstOrDefault(c => c.Id == id);
            string strip = string.Concat(runs.Select(r => r.Doc.Claims.FirstOrDefault(c => c.Id == id)?.Verdict).Select((v, i) =>
                $"<span title=\"{Esc(runs[i].Commit)}: {Esc(v ?? "absent")}\" style=\"background:{(v is null ? "#eaeef2" : Colour(v))}\"></span>"));
            sb.Append($"<tr><td><a href=\"#{Esc(id)}\">{Esc(id)}</a></td><td>{Esc(Short(claim.Statement))}</td>")
              .Append($"<td style=\"color:{Colour(now?.Verdict)}\">{Esc(now?.Verdict ?? "absent")}</td><td class=\"strip\">{strip}</td>")
              .Append($"<td>{Link(latest, site)}</td></tr>\n");
        }
        sb.Append("</table>\n<h2>Runs</h2>\n<table><tr><th>commit</th><th>started</th><th>scale</th><th>seed</th><th>claims</th><th>pass / finding / fail / not run</th><th>report</th></tr>\n");
        foreach (var r in runs.Reverse())
        {
            int Count(string v) => r.Doc.Claims.Count(c => c.Verdict == v);
            sb.Append($"<tr><td>{Esc(r.Commit)}</td><td>{Esc(Date(r))}</td><td>{Esc(r.Doc.Manifest.Scale)}</td><td>{r.Doc.Manifest.Seed}</td><td>{r.Doc.Claims.Count}</td>")
              .Append($"<td>{Count("pass")} / {Count("finding")} / {Count("fail")} / {Count("notrun")}</td><td>{Link(r, site)}</td></tr>\n");
        }
        sb.Append("</table>\n<h2>Each claim across runs</h2>\n<div class=\"charts\">\n");
        foreach (var id in ids)
        {
            var claim = newest[id];
            sb.Append($"<div class=\"claim\" id=\"{Esc(id)}\"><h3>{Esc(id)} <span class=\"muted\">({Esc(claim.Paper)} {Esc(claim.Source)})</span></h3>\n")
              .Append(Svg(id, runs)).Append("\n</div>\n");
        }
        return sb.Append("</div>\n</body></html>\n").ToString();
    }

    static string Date(StoredRun r) => r.Doc.Manifest.Started is { Length: >= 16 } s ? s[..16].Replace('T', ' ') : "date not recorded";

    static string Short(string s) => s.Length <= 140 ? s : s[..137] + "…";

    /// <summary>The run's report.md when it has one, else its results.json, relative to the page.</summary>
    static string Link(StoredRun r, string site)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(r.Path))!;
        string target = File.Exists(Path.Combine(dir, "report.md")) ? Path.Combine(dir, "report.md") : Path.GetFullPath(r.Path);
        string rel = Path.GetRelativePath(Path.GetFullPath(site), target).Replace('\\', '/');
        return $"<a href=\"{Esc(rel)}\">{Esc(Path.GetFileName(target))}</a>";
    }
}
