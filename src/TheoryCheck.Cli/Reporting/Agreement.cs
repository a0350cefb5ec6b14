// When does a re-run agree with a recorded result? Exact math (SE 0 on both sides) must agree to 1e-9 + 1e-6·|old|
// (float summation order may differ across machines); a statistical value must agree within 4·SE + 1e-9, the same
// SE multiple the snapshot tables allow (a 4-SE gap by chance is ~6e-5 per value). Verdicts and control status must match.
namespace TheoryCheck.Cli.Reporting;

public sealed record ValueAgreement(string Claim, string Role, string Metric, double Old, double New, double Diff, double Allowed)
{
    public bool Agrees => Diff <= Allowed;
}

public sealed record ClaimAgreement(string Id, string OldVerdict, string NewVerdict, IReadOnlyList<ValueAgreement> Values, string? Problem)
{
    public bool Agrees => Problem is null && Values.All(v => v.Agrees);
}

public static class Agreement
{
    public const double SeMultiple = 4, ExactRel = 1e-6, Floor = 1e-9;

    public static double Allowed(ResultsJson.BoundDto old, ResultsJson.BoundDto now) =>
        old.Se == 0 && now.Se == 0 ? Floor + ExactRel * (double.IsFinite(old.Measured) ? Math.Abs(old.Measured) : 0)
                                     : SeMultiple * Math.Max(old.Se, now.Se) + Floor;

    public static ClaimAgreement Compare(ResultsJson.ClaimDto old, ResultsJson.ClaimDto now)
    {
        var values = new List<ValueAgreement>();
        void Add(string role, IReadOnlyList<ResultsJson.BoundDto> a, IReadOnlyList<ResultsJson.BoundDto> b)
        {
            foreach (var (o, n) in a.Zip(b))
            {
                // NaN on both sides (an unmeasurable control) agrees; NaN on one side does not.
                double diff = double.IsNaN(o.Measured) && double.IsNaN(n.Measured) ? 0 : Math.Abs(n.Measured - o.Measured);
                values.Add(new ValueAgreement(old.Id, role, o.Metric, o.Measured, n.Measured, double.IsNaN(diff) ? double.PositiveInfinity : diff, Allowed(o, n)));
            }
        }
        Add("claim", old.Bounds, now.Bounds);
        Add("control", old.Control.Bounds, now.Control.Bounds);
        string? problem =
            old.Bounds.Count != now.Bounds.Count || old.Control.Bounds.Count != now.Control.Bounds.Count ? "different bounds measured"
            : old.Bounds.Zip(now.Bounds).Any(p => p.First.Metric != p.Second.Metric || p.First.Value != p.Second.Value) ? "the claim's bounds changed"
            : old.Verdict != now.Verdict ? $"verdict {old.Verdict} → {now.Verdict}"
            : old.Control.Status != now.Control.Status ? $"control {old.Control.Status} → {now.Control.Status}"
            : null;
        return new ClaimAgreement(old.Id, old.Verdict, now.Verdict, values, problem);
    }
}
