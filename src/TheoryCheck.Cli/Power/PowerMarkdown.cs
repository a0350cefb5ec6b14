// power.md: the score line, the truth rows (runs, passed, false-fail rate ≤ its upper limit) and the mutant matrix
// (mutant × claim: killed / survived / n.a., with the deciding value), then each survivor with the bound it passed.
using System.Globalization;
using System.Text;

namespace TheoryCheck.Cli.Power;

public static class PowerMarkdown
{
    public static string Render(PowerJson.Document doc)
    {
        var sb = new StringBuilder();
        var m = doc.Manifest;
        sb.Append(Invariant($"# Power: {string.Join(", ", m.Selection ?? [])} at {m.Scale} scale\n\n"));
        sb.Append(Invariant($"Commit {m.Commit[..Math.Min(7, m.Commit.Length)]}{(m.Dirty ? " (dirty)" : "")}, seeds {m.Seed}..{m.Seed + doc.Seeds - 1} for the truth rows, seed {m.Seed} for the mutants; {(m.Arch is null ? "" : $"PT on the {m.Arch} only, ")}{m.Cpu}, {m.Threads} thread(s), {m.WallSeconds:0} s.\n\n"));
        sb.Append(Score(doc)).Append("\n\n## Truth: the claim itself at each seed\n\n");
        sb.Append("| claim | runs | passed | false-fail rate | 95 % upper limit | failing seeds |\n|:--|--:|--:|--:|--:|:--|\n");
        foreach (var t in doc.Truth)
            if (t.Runs == 0) sb.Append($"| {t.Claim} | 0 | - | n.a. | - | not run here: {t.Seeds[0].Reason} |\n");
            else sb.Append(Invariant($"| {t.Claim} | {t.Runs} | {t.Passed} | {t.FalseFailRate:P0} | ≤ {t.FalseFailUpper95:P0} | {string.Join(", ", t.Seeds.Where(s => !s.Passed).Select(s => $"{s.Seed} ({s.Verdict})"))} |\n"));
        sb.Append(Spread(doc));
        if (doc.Mutants.Count == 0) return sb.Append("\nNo catalogued mutant applies to this selection.\n").ToString();
        var claims = doc.Truth.Select(t => t.Claim).ToArray();
        sb.Append("\n## Mutants: each near miss in the place of the tested thing\n\n| mutant | strength | ")
          .Append(string.Join(" | ", claims)).Append(" |\n|:--|:--|").Append(string.Concat(claims.Select(_ => ":-:|"))).Append('\n');
        foreach (var row in doc.Mutants)
            sb.Append($"| {row.Id} | {row.Strength ?? "-"} | ")
              .Append(string.Join(" | ", claims.Select(c => Cell(row.Results.FirstOrDefault(r => r.Claim == c))))).Append(" |\n");
        sb.Append("\nA cell is the mutant's status with the deciding bound's value (for a survivor: the bound nearest to killing it); " +
                  "† a declared survivor (a power finding), ‡ a declared survivor that was killed (update the catalogue).\n\n");
        sb.Append("### What each mutant is\n\n");
        foreach (var row in doc.Mutants)
        {
            sb.Append($"- **{row.Id}**: {row.Description}{(row.Strength is null ? "" : $" ({row.Strength})")}.");
            var na = row.Results.Where(r => r.Status == "n.a.").ToArray();
            if (na.Length > 0) sb.Append(" Not applicable: ").Append(string.Join("; ", na.Select(r => $"{r.Claim} ({r.Reason})")));
            sb.Append('\n');
        }
        var detections = doc.Mutants.SelectMany(r => r.Results.Where(x => x.Detects is not null).Select(x => (r.Id, x))).ToArray();
        if (detections.Length > 0)
        {
            sb.Append("\n### Minimal detectable effect (knobs that need no training, bisected to 1/16 of the range)\n\n| mutant | claim | knob | real thing at | killed at | survived at |\n|:--|:--|:--|--:|--:|--:|\n");
            foreach (var (id, x) in detections)
                sb.Append(Invariant($"| {id} | {x.Claim} | {x.Detects!.Knob} | {x.Detects.Identity:G4} | {Strength(x.Detects.Killed, x.Detects.Identity)} | {Strength(x.Detects.Survived, x.Detects.Identity)} |\n"));
        }
        var survivors = doc.Mutants.SelectMany(r => r.Results.Where(x => x.Status == "survived").Select(x => (r.Id, x))).ToArray();
        if (survivors.Length > 0)
        {
            sb.Append("\n### Survivors\n\n");
            foreach (var (id, x) in survivors)
                sb.Append($"- {id} on {x.Claim}: {x.Reason}").Append(x.DeclaredSurvivor is { } why ? $". Declared (power finding): {why}" : ". Not declared").Append('\n');
        }
        var stale = doc.Mutants.SelectMany(r => r.Results.Where(x => x.Status == "killed" && x.DeclaredSurvivor is not null).Select(x => (r.Id, x))).ToArray();
        if (stale.Length > 0)
        {
            sb.Append("\n### Declared survivors that were killed: update the catalogue\n\n");
            foreach (var (id, x) in stale) sb.Append($"- {id} on {x.Claim}: {x.Reason} (declared: {x.DeclaredSurvivor})\n");
        }
        return sb.ToString();
    }

    /// <summary>Per bound, the truth's range over the seeds (each seed's worst case) and its worst 95 % limit: where the
    /// bound sits against the real thing.</summary>
    static string Spread(PowerJson.Document doc)
    {
        var rows = doc.Truth.SelectMany(t => t.Seeds.SelectMany(s => s.Bounds ?? []).GroupBy(b => b.Bound).Select(g => (t.Claim, g.Key, Values: g.ToArray()))).ToArray();
        if (rows.Length == 0) return "";
        var sb = new StringBuilder("\n### Truth spread per bound (each seed's worst case)\n\n| claim | bound | measured, min … max | worst 95 % limit | holds at |\n|:--|:--|:--|--:|--:|\n");
        foreach (var (claim, bound, values) in rows)
        {
            bool upper = bound.Contains("<=");
            double worst = upper ? values.Max(v => v.Limit) : values.Min(v => v.Limit);
            sb.Append(Invariant($"| {claim} | {bound} | {values.Min(v => v.Measured):G4} … {values.Max(v => v.Measured):G4} | {worst:G4} | {values.Count(v => v.Holds)} of {values.Length} |\n"));
        }
        return sb.ToString();
    }

    static string Cell(PowerJson.MutantResult? r) => r switch
    {
        null => "",
        { Status: "n.a." } => "n.a.",
        { Measured: { } v } => Invariant($"{r.Status}{Mark(r)} {v:G3}"),
        _ => r.Status + Mark(r),
    };

    /// <summary>† marks a declared survivor (a power finding); ‡ one that was killed after all.</summary>
    static string Mark(PowerJson.MutantResult r) => r.DeclaredSurvivor is null ? "" : r.Status == "killed" ? "‡" : "†";

    /// <summary>The score in one line, as the last line of `power` and in the report: truth, mutants, and per knob the
    /// smallest effect some claim detects.</summary>
    public static string Score(PowerJson.Document doc)
    {
        var s = doc.Score;
        int failed = s.TruthRuns - s.TruthPassed;
        double upper = s.TruthRuns == 0 ? 1 : TheoryCheck.Claims.Power.PowerRules.UpperLimit(failed, s.TruthRuns);
        string line = Invariant($"truth: {s.TruthPassed} of {s.TruthRuns} claim runs passed (false-fail rate {(double)failed / Math.Max(1, s.TruthRuns):P0}, ≤ {upper:P0} at 95 %); {MutantScore(doc)}");
        return SmallestDetectable(doc) is { Length: > 0 } d ? line + "; smallest detectable: " + d : line;
    }

    /// <summary>"mutants: K of L killed".</summary>
    public static string MutantScore(PowerJson.Document doc) => $"mutants: {doc.Score.Killed} of {doc.Score.Total} killed";

    /// <summary>Per knob, the weakest strength any claim still kills (the nearest to the real thing), with that claim, e.g.
    /// "prior shift ε 0.1 (MB-5)"; empty when no bisection ran.</summary>
    public static string SmallestDetectable(PowerJson.Document doc) => string.Join(", ",
        doc.Mutants.SelectMany(r => r.Results).Where(x => x.Detects is not null)
            .GroupBy(x => x.Detects!.Knob)
            .Select(g => g.OrderBy(x => Math.Abs(x.Detects!.Killed - x.Detects.Identity)).ThenBy(x => x.Claim, StringComparer.Ordinal).First())
            .Select(x => Invariant($"{x.Detects!.Knob} {Strength(x.Detects!.Killed, x.Detects.Identity)} ({x.Claim})")));

    /// <summary>A killed strength with as many digits as it takes to differ from the real thing's (1.003, not "1").</summary>
    public static string Strength(double killed, double identity)
    {
        for (int digits = 3; digits < 8; digits++)
        {
            string k = killed.ToString("G" + digits, CultureInfo.InvariantCulture);
            if (k != identity.ToString("G" + digits, CultureInfo.InvariantCulture)) return k;
        }
        return killed.ToString("G8", CultureInfo.InvariantCulture);
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
