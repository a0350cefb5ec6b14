// A report-only table for the P1 prompting figure: cumulative regret curves of every tuning method (median and interquartile
// band over tuning seeds) next to the exact ideal baselines, per target × network. The gated numbers are in
// PromptTuning.MainComparison.LSTM and .Transformer; this is what `tables PT` and report.md plot.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.PromptTuning;

public sealed class RegretCurvesTable : ITableSource
{
    public static readonly RegretCurvesTable Instance = new();
    static readonly int[] Horizons = { 1, 2, 5, 10, 20, 30, 40, 50, 75, 100, 125, 150, 175, 200 };

    public string Name => "PromptTuning.RegretCurves";
    public string Family => PromptTuningFamily.Key;
    public bool IsSnapshot => false;

    public ResultTable Build(RunContext ctx)
    {
        var table = new ResultTable(Name, $"Prompt and weight tuning: cumulative regret curves, median and interquartile range over tuning seeds ({ctx.Scale.Name()} scale)",
            new[] { "setting", "method", "N", "median", "q25", "q75" },
            new[] { $"{PromptingSetup.Describe(ctx.Scale)}; seed {ctx.Seed}", "report-only figure data (not a snapshot); ideal baselines are exact (q25 = q75 = median)" });
        foreach (var (title, series) in PromptTuningTable.Curves(ctx))
            foreach (var s in series)
                foreach (int n in Horizons.Where(n => n < s.Median.Length))
                    table.Add(title, s.Label, n, s.Median[n], s.Low[n], s.High[n]);
        return table;
    }
}
