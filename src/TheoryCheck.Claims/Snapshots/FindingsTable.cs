// A snapshot of what a family's declared findings rest on: every bound of every case of each finding claim, and the control's
// measurement of it (PT-7's untrained networks are its claim values). A finding's verdict does not gate its bounds' values;
// this table does, so a finding that drifts towards its bound, or a control that drifts towards passing, fails its snapshot.
// A value cell's tolerance is abs 0.001 + 1.645·SE: a cell whose one-sided 95 % limit clears its bound (every reported cell but
// a borderline one) then has its tolerance inside its margin |bound − value|, so the snapshot fails before the value could
// reach its bound. 4·SE (the other tables' rule) would not gate: PA-18's reported cell misses by 0.010 with SE 0.0053, and
// 0.01 + 4·SE = 0.031. FindingsToleranceTests (Fast) check the margins on the verified files.
using System.Globalization;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Snapshots;

public sealed class FindingsTable(string name, string family, IReadOnlyList<IClaim> claims) : ITableSource
{
    /// <summary>The floor of a value cell's tolerance, before <see cref="SeMultiple"/>·SE: last-digit noise of 4-decimal cells.</summary>
    public const double Floor = 0.001;
    /// <summary>The verdict's own one-sided 95 % multiple.</summary>
    public const double SeMultiple = Statistics.Measurement.Z;

    public string Name => name;
    public string Family => family;
    public bool IsSnapshot => true;
    public IReadOnlyList<string> Shows { get; } = claims.Select(c => c.Spec.Id).ToArray();

    public ResultTable Build(RunContext ctx)
    {
        var table = new ResultTable(Name, $"What the declared findings rest on: every case, bound and control ({ctx.Scale.Name()} scale)",
            new[] { "claim", "case", "reported", "measured by", "bound", "value", "status" },
            new[]
            {
                $"source: the claims {string.Join(", ", Shows)} run at seed {ctx.Seed}; device {Torch.TorchRuntime.DeviceName}",
                "reported: the claim's reported (worst) case, the cells its verdict rests on; measured by: the claim, or its control; status: holds / miss (declared) / miss / borderline (within noise) for the claim, fails / holds / weak for the control",
                $"tolerance of value: abs {Floor} + 1.645·SE (the verdict's one-sided 95 % multiple), inside the margin |bound − value| of every reported cell that is not borderline (FindingsToleranceTests)",
            },
            new Dictionary<string, Tolerance> { ["value"] = new(Floor, SeMultiple: SeMultiple) });
        foreach (var claim in claims)
        {
            ClaimResult result;
            // A finding claim that checks nothing at these settings (e.g. a Transformer-only bound under --arch lstm) is one
            // row saying so; the other claims' rows still gate.
            try { result = claim.Run(ctx); }
            catch (NoBoundAppliesException e)
            {
                table.Add(claim.Spec.Id, "—", "", "claim", "—", "", e.Message); // "not applicable (no bound of …)"
                continue;
            }
            foreach (var c in result.CaseResults)
            {
                string reported = c.Case == result.Case ? "yes" : "";
                for (int i = 0; i < c.Bounds.Count; i++)
                {
                    var b = c.Bounds[i];
                    table.Add(claim.Spec.Id, c.Case, reported, "claim", b.Bound.ToString(), (b.Measured.Value, b.Measured.Se),
                              b.Holds ? "holds" : Judge.Borderline(b) ? "borderline" : b.Bound.Declared ? "miss (declared)" : "miss");
                    if (c.Control.Bounds.FirstOrDefault(k => ReferenceEquals(k.Bound, b.Bound)) is { } k)
                        table.Add(claim.Spec.Id, c.Case, reported, "control", b.Bound.ToString(), (k.Measured.Value, k.Measured.Se),
                                  c.Control.On(b.Bound, claim.Spec.Bounds).ToString().ToLowerInvariant());
                }
            }
        }
        return table;
    }

    /// <summary>A row's bound cell ("metric &lt;= value") back as (op, value).</summary>
    public static (string Op, double Value) ParseBound(string cell)
    {
        var parts = cell.Split(' ');
        return (parts[^2], double.Parse(parts[^1], CultureInfo.InvariantCulture));
    }
}
