// power.png: the mutant matrix as a heat map (rows mutants, columns claims): killed green, survived red, n.a. grey, with
// (error, a mutant the claim could not run with, orange) the status written in each cell, so a reader sees at a glance which near misses get through.
using ScottPlot;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Cli.Power;

public static class PowerPlot
{
    public static string Write(PowerJson.Document doc, string path)
    {
        var claims = doc.Truth.Select(t => t.Claim).ToArray();
        var plt = new Plot();
        plt.Font.Set("DejaVu Sans");
        plt.Title($"Mutants killed, {doc.Manifest.Scale} scale: {PowerMarkdown.MutantScore(doc)}");
        for (int row = 0; row < doc.Mutants.Count; row++)
            for (int col = 0; col < claims.Length; col++)
            {
                var r = doc.Mutants[row].Results.FirstOrDefault(x => x.Claim == claims[col]);
                string status = r?.Status ?? "n.a.";
                var cell = plt.Add.Rectangle(col, col + 1, -row - 1, -row);
                cell.FillStyle.Color = status switch
                {
                    "killed" => Colors.SeaGreen,
                    "survived" => Colors.Crimson,
                    "error" => Colors.DarkOrange,
                    _ => Colors.LightGray,
                };
                cell.LineStyle.Color = Colors.White;
                var label = plt.Add.Text(status, col + 0.5, -row - 0.5);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontColor = status == "n.a." ? Colors.Black : Colors.White;
            }
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            claims.Select((_, i) => i + 0.5).ToArray(), claims);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            doc.Mutants.Select((_, i) => -i - 0.5).ToArray(), doc.Mutants.Select(m => m.Id).ToArray());
        plt.Axes.SetLimits(0, Math.Max(1, claims.Length), -Math.Max(1, doc.Mutants.Count), 0);
        int width = Math.Max(600, 140 + 90 * claims.Length), height = Math.Max(300, 120 + 45 * doc.Mutants.Count);
        return AtomicFile.Write(path, tmp => plt.SavePng(tmp, width, height));
    }
}
