// What moved between two stored runs: per claim the verdict change and every bound and control value with its Δ against
// the allowed difference of `rerun` (Agreement.Allowed: one rule), judged by direction. A claim value moving toward its
// bound's violating side, or a control value moving toward holding, beyond the allowed difference is worse; the opposite
// way is better. Claims added or removed and bounds whose threshold changed are listed, and are not regressions.
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Gating;

public enum Movement { Within, Better, Worse, Applicability }

/// <param name="Role">"claim" (the claim's own value) or "control" (its near miss, which must fail the bound).</param>
public sealed record ValueDiff(string Claim, string Role, string Bound, double Base, double BaseSe, double Head, double HeadSe, double Allowed, Movement Movement)
{
    public double Delta => Head - Base;
}

/// <param name="BaseVerdict">Null when the claim is new in head; <paramref name="HeadVerdict"/> null when head dropped it.</param>
/// <param name="Notes">Structural changes: a bound added, removed or moved (a loosened bound is named as such).</param>
public sealed record ClaimDiff(string Id, string? BaseVerdict, string? HeadVerdict, IReadOnlyList<ValueDiff> Values, IReadOnlyList<string> Notes)
{
    public bool VerdictWorse => BaseVerdict is not null && HeadVerdict is not null && RunDiff.Rank(HeadVerdict) < RunDiff.Rank(BaseVerdict);
    public bool VerdictChanged => BaseVerdict is not null && HeadVerdict is not null && BaseVerdict != HeadVerdict;
    public bool Regressed => VerdictWorse || Values.Any(v => v.Movement == Movement.Worse);
}

public sealed record DiffResult(StoredRun Base, StoredRun Head, IReadOnlyList<ClaimDiff> Claims, IReadOnlyList<(string Field, string? Base, string? Head)> Manifest)
{
    public bool Regressed => Claims.Any(c => c.Regressed);
}

public static class RunDiff
{
    /// <summary>Verdict order for "got worse": pass above a declared finding (a bound misses as declared), above not run,
    /// above fail.</summary>
    public static int Rank(string verdict) => verdict switch { "pass" => 3, "finding" => 2, "notrun" => 1, _ => 0 };

    /// <summary>The settings that decide what a run measures: runs differing in one are not comparable value by value.</summary>
    public static IEnumerable<(string Field, string? Base, string? Head)> Settings(Manifest b, Manifest h) =>
        new (string, string?, string?)[]
        {
            ("scale", b.Scale, h.Scale), ("seed", $"{b.Seed}", $"{h.Seed}"), ("target", b.Target, h.Target),
            ("pretrain", b.Pretrain, h.Pretrain), ("arch", b.Arch, h.Arch),
        }.Where(f => f.Item2 != f.Item3);

    public static DiffResult Compare(StoredRun b, StoredRun h)
    {
        var headById = h.Doc.Claims.ToDictionary(c => c.Id);
        var baseIds = b.Doc.Claims.Select(c => c.Id).ToHashSet();
        var claims = b.Doc.Claims.Select(c => Claim(c, headById.GetValueOrDefault(c.Id)))
            .Concat(h.Doc.Claims.Where(c => !baseIds.Contains(c.Id)).Select(c => Claim(null, c)))
            .ToArray();
        var manifest = Settings(b.Doc.Manifest, h.Doc.Manifest)
            .Concat(b.Doc.Manifest.NumericEnvironment().Zip(h.Doc.Manifest.NumericEnvironment(), (x, y) => (x.What, x.Value, y.Value)))
            .Append(("dirty", b.Doc.Manifest.Dirty ? "yes" : "no", h.Doc.Manifest.Dirty ? "yes" : "no"))
            .Where(f => f.Item2 != f.Item3).ToArray();
        return new DiffResult(b, h, claims, manifest);
    }

    static ClaimDiff Claim(ResultsJson.ClaimDto? b, ResultsJson.ClaimDto? h)
    {
        var values = new List<ValueDiff>();
        var notes = new List<string>();
        if (b is not null && h is not null)
        {
            Pair("claim", b.Bounds, h.Bounds, b.Id, values, notes);
            Pair("control", b.Control.Bounds, h.Control.Bounds, b.Id, values, null);
        }
        return new ClaimDiff((b ?? h)!.Id, b?.Verdict, h?.Verdict, values, notes);
    }

    /// <summary>Bounds are paired by metric (a claim may gain or lose one between commits).</summary>
    static void Pair(string role, IReadOnlyList<ResultsJson.BoundDto> b, IReadOnlyList<ResultsJson.BoundDto> h, string id, List<ValueDiff> values, List<string>? notes)
    {
        var headByMetric = h.GroupBy(x => x.Metric).ToDictionary(g => g.Key, g => g.First());
        foreach (var x in b)
        {
            if (!headByMetric.TryGetValue(x.Metric, out var y)) { notes?.Add($"bound {Text(x)} removed"); continue; }
            if (notes is not null && (x.Op != y.Op || x.Value != y.Value))
                notes.Add($"bound {Text(x)} → {Text(y)}{(Loosened(x, y) ? " (loosened)" : "")}");
            double allowed = Agreement.Allowed(x, y);
            values.Add(new ValueDiff(id, role, Text(y), x.Measured, x.Se, y.Measured, y.Se, allowed, Judge(role, y.Op, x.Measured, y.Measured, allowed)));
        }
        if (notes is not null)
            foreach (var y in h.Where(y => b.All(x => x.Metric != y.Metric))) notes.Add($"bound {Text(y)} added");
    }

    static string Text(ResultsJson.BoundDto x) => FormattableString.Invariant($"{x.Metric} {x.Op} {x.Value:G6}");

    static bool Loosened(ResultsJson.BoundDto x, ResultsJson.BoundDto y) =>
        x.Op == y.Op && (y.Op == "<=" ? y.Value > x.Value : y.Value < x.Value);

    /// <summary>Beyond the allowed difference, which way the value went for its bound. A value that became or stopped being
    /// measurable (NaN: not applicable in that run) is its own kind of change.</summary>
    public static Movement Judge(string role, string op, double b, double h, double allowed)
    {
        if (double.IsNaN(b) || double.IsNaN(h)) return double.IsNaN(b) == double.IsNaN(h) ? Movement.Within : Movement.Applicability;
        double delta = h - b;
        if (!(Math.Abs(delta) > allowed)) return Movement.Within;
        bool towardViolating = op == "<=" ? delta > 0 : delta < 0;
        // The claim's value must stay clear of the bound; its control must stay clearly past it.
        return towardViolating == (role == "claim") ? Movement.Worse : Movement.Better;
    }
}
