// Figure 6: wall time of each claim family, run through the same Runner as `run FAMILY --scale S`, in catalogue order in
// one process, so PT reuses the networks MB loaded, exactly as in `run all`. Models come from the model cache when it
// holds them (THEORYCHECK_CACHE=off for a cold run); the result says how many were trained and how many loaded.
using System.Diagnostics;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch;

namespace TheoryCheck.Cli.Bench;

/// <param name="Verdicts">e.g. "6 pass, 1 not run".</param>
public sealed record FamilyResult(string Family, string Scale, int Claims, string Verdicts, int ModelsTrained,
                                  int ModelsFromCache, double Seconds);

public static class FamilyBench
{
    public static IReadOnlyList<FamilyResult> Run(Scale scale, Action<string> log)
    {
        // Seed 1 as `run`'s default; the claims' own progress is dropped, the bench logs one line per family.
        var runner = new Runner(scale, seed: 1, Progress.For(TextWriter.Null));
        var results = new List<FamilyResult>();
        foreach (var family in Catalog.Families)
        {
            var claims = Catalog.Select(new[] { family });
            log($"family {family}: {claims.Count} claims at {scale.Name()} scale");
            int modelsBefore = ModelCache.Used.Count;
            var clock = Stopwatch.StartNew();
            var verdicts = claims.Select(runner.Claim).Select(c => c.Verdict).ToArray();
            double seconds = clock.Elapsed.TotalSeconds;
            var models = ModelCache.Used.Skip(modelsBefore).ToArray();
            string counts = string.Join(", ", verdicts.GroupBy(v => v).Select(g => $"{g.Count()} {g.Key}"));
            results.Add(new FamilyResult(family, scale.Name(), claims.Count, counts,
                                         models.Count(m => !m.FromCache), models.Count(m => m.FromCache), seconds));
        }
        return results;
    }
}
