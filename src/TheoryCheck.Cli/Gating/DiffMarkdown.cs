// `diff`'s markdown, fit for a CI job summary or a pull-request comment: the verdict in one line, then what changed
// (verdicts, values beyond their allowed difference, bounds, added and removed claims, manifest), then every value folded.
using System.Globalization;
using System.Text;

namespace TheoryCheck.Cli.Gating;

public static class DiffMarkdown
{
    public static string Render(DiffResult d)
    {
        var sb = new StringBuilder();
        void Line(FormattableString s) => sb.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var worseVerdicts = d.Claims.Where(c => c.VerdictWorse).ToArray();
        var moved = d.Claims.SelectMany(c => c.Values).Where(v => v.Movement != Movement.Within).ToArray();
        int worseValues = moved.Count(v => v.Movement == Movement.Worse);

        Line($"## TheoryCheck diff: {d.Base.Commit} → {d.Head.Commit}");
        Line($"");
        Line($"{(d.Regressed ? "**Regression.**" : "**No regression.**")} {Count(worseVerdicts.Length, "verdict")} got worse; {Count(worseValues, "value")} moved the wrong way beyond the allowed difference; {moved.Length - worseValues} other value(s) moved beyond it.");
        Line($"");
        Line($"- base: `{d.Base.Path}`: commit {d.Base.Commit}, {Settings(d.Base)}");
        Line($"- head: `{d.Head.Path}`: commit {d.Head.Commit}, {Settings(d.Head)}");
        Line($"- allowed difference: exact values 1e-9 + 1e-6·|base|; statistical values 4·max(SE) + 1e-9 (the rule `rerun` uses)");

        var verdictChanges = d.Claims.Where(c => c.VerdictChanged).ToArray();
        var notes = d.Claims.Where(c => c.Notes.Count > 0).ToArray();
        var added = d.Claims.Where(c => c.BaseVerdict is null).ToArray();
        var removed = d.Claims.Where(c => c.HeadVerdict is null).ToArray();
        bool anything = verdictChanges.Length + moved.Length + notes.Length + added.Length + removed.Length + d.Manifest.Count > 0;
        Line($"");
        Line($"### Changes");
        Line($"");
        if (!anything) Line($"None: every claim has the same verdict and every value is within its allowed difference.");
        if (verdictChanges.Length > 0)
        {
            Line($"| claim | verdict base → head | |");
            Line($"|:--|:--|:--|");
            foreach (var c in verdictChanges) Line($"| {c.Id} | {c.BaseVerdict} → {c.HeadVerdict} | {(c.VerdictWorse ? "worse" : RunDiff.Rank(c.HeadVerdict!) > RunDiff.Rank(c.BaseVerdict!) ? "better" : "changed")} |");
            Line($"");
        }
        if (moved.Length > 0)
        {
            Line($"| claim | role | bound | base | head | Δ | allowed | moved |");
            Line($"|:--|:--|:--|--:|--:|--:|--:|:--|");
            foreach (var v in moved.OrderBy(v => v.Movement != Movement.Worse)) Line($"{Row(v)}");
            Line($"");
        }
        foreach (var c in notes)
            foreach (var n in c.Notes) Line($"- {c.Id}: {n}");
        foreach (var c in added) Line($"- {c.Id}: added (head {c.HeadVerdict})");
        foreach (var c in removed) Line($"- {c.Id}: removed (base {c.BaseVerdict})");
        if (d.Manifest.Count > 0)
        {
            Line($"");
            Line($"Manifest differences:");
            Line($"");
            Line($"| field | base | head |");
            Line($"|:--|:--|:--|");
            foreach (var (field, b, h) in d.Manifest) Line($"| {field} | {b ?? "-"} | {h ?? "-"} |");
        }

        var all = d.Claims.SelectMany(c => c.Values).ToArray();
        Line($"");
        Line($"<details><summary>All {all.Length} values of {d.Claims.Count(c => c.BaseVerdict is not null && c.HeadVerdict is not null)} claims in both runs</summary>");
        Line($"");
        Line($"| claim | role | bound | base | head | Δ | allowed | moved |");
        Line($"|:--|:--|:--|--:|--:|--:|--:|:--|");
        foreach (var v in all) Line($"{Row(v)}");
        Line($"");
        Line($"</details>");
        return sb.ToString();
    }

    static string Settings(StoredRun r) =>
        FormattableString.Invariant($"{r.Doc.Manifest.Scale}, seed {r.Doc.Manifest.Seed}, {r.Doc.Claims.Count} claims");

    static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    static string Row(ValueDiff v) => FormattableString.Invariant(
        $"| {v.Claim} | {v.Role} | {v.Bound} | {Value(v.Base, v.BaseSe)} | {Value(v.Head, v.HeadSe)} | {Signed(v.Delta)} | {v.Allowed:G3} | {Word(v.Movement)} |");

    static string Signed(double d) => double.IsNaN(d) ? "" : (d > 0 ? "+" : "") + d.ToString("G3", CultureInfo.InvariantCulture);

    static string Value(double x, double se) =>
        double.IsNaN(x) ? "n/a" : se > 0 ? FormattableString.Invariant($"{x:G4} ± {se:G2}") : FormattableString.Invariant($"{x:G6}");

    static string Word(Movement m) => m switch
    {
        Movement.Worse => "**worse**", Movement.Better => "better", Movement.Applicability => "applicability changed", _ => "within",
    };
}
