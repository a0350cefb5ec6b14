// `power [ids|family|all] [--seeds K] [--mutant IDS]`: what the checks separate. Truth rows run each claim at K seeds
// (seed .. seed+K-1) and state the false-fail rate with its Clopper–Pearson upper limit; mutant rows run each applicable
// catalogued near miss in the place of the tested thing at the run's seed and say whether a bound kills it. Every input is
// validated before anything trains; the matrix goes to stdout, and with --out to power.json, power.md and power.png.
using System.Globalization;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Power;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;

namespace TheoryCheck.Cli.Power;

public static class PowerCommand
{
    /// <param name="Arch">--arch for the PT family (null = both networks), as for `run`.</param>
    public sealed record Options(string[] Selectors, string? Scale, string? Seed, string? Seeds, string? Mutants, string? Out, bool Force,
                                 string? Arch = null);

    public static int Run(Options o, TextWriter stdout, TextWriter stderr)
    {
        var claims = Commands.SelectClaims(o.Selectors);
        var scale = Commands.ParseScale(o.Scale);
        int seed = Commands.ParseSeedAndOut(o.Seed, o.Out, stderr);
        int seeds = ParseSeeds(o.Seeds);
        var arch = TaskOptions.ParseArch(o.Arch);
        // Applicability as the run will see it: under --arch lstm a Transformer-only mutant applies to nothing.
        var mutants = SelectMutants(o.Mutants, claims, new RunContext(scale, seed, _ => { }) { Arch = arch });
        if (o.Out != null) OutputFolder.Prepare(o.Out, o.Force);

        var runner = Runner.Start(scale, seed, stderr, arch: arch);
        var manifest = Manifest.Capture(scale, seed) with { Selection = claims.Select(c => c.Spec.Id).ToArray(), Arch = TaskOptions.ArchName(arch) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var truth = new List<PowerJson.TruthRow>();
        var rows = new List<PowerJson.MutantRow>();
        runner.Progress.Run(() =>
        {
            foreach (var claim in claims)
                truth.Add(Truth(runner, claim, seed, seeds));
            foreach (var m in mutants)
                rows.Add(new PowerJson.MutantRow(m.Id, m.Family, m.Description, m.Strength,
                    claims.Select(c => Against(runner, m, c)).ToArray()));
        });
        var doc = PowerJson.Document.Of(manifest with { Models = TheoryCheck.Torch.ModelCache.Used, WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1) },
                                        seeds, truth, rows);
        string markdown = PowerMarkdown.Render(doc);
        stdout.Write(markdown);
        if (o.Out != null)
        {
            PowerJson.Write(o.Out, doc);
            AtomicFile.WriteText(Path.Combine(o.Out, "power.md"), markdown);
            PowerPlot.Write(doc, Path.Combine(o.Out, "power.png"));
            stderr.WriteLine($"wrote {Path.Combine(o.Out, "power.json")}, power.md and power.png");
        }
        stdout.WriteLine(PowerMarkdown.Score(doc));
        return Commands.Ok;
    }

    static PowerJson.TruthRow Truth(Runner runner, IClaim claim, int seed, int seeds)
    {
        var verdicts = new List<PowerJson.TruthRun>();
        for (int s = seed; s < seed + seeds; s++)
        {
            var r = runner.Measure(claim, runner.Context with { Seed = s }, $"{claim.Spec.Id} seed {s}");
            verdicts.Add(new PowerJson.TruthRun(s, r.Verdict.ToString().ToLowerInvariant(), PowerRules.Passed(r), r.Reason,
                PowerRules.WorstPerBound(r).Select(b => new PowerJson.BoundValue(b.Bound.ToString(), b.Measured.Value, b.Measured.Se, b.Limit, b.Holds)).ToArray()));
        }
        // A run that cannot happen here (notrun: PT-7 under --arch lstm) is neither a pass nor a false fail.
        int runs = verdicts.Count(v => v.Verdict != "notrun"), failed = verdicts.Count(v => !v.Passed && v.Verdict != "notrun");
        return new PowerJson.TruthRow(claim.Spec.Id, runs, runs - failed, runs == 0 ? 0 : (double)failed / runs,
                                      runs == 0 ? 1 : PowerRules.UpperLimit(failed, runs), verdicts);
    }

    static PowerJson.MutantResult Against(Runner runner, Mutant m, IClaim claim)
    {
        if (m.WhyNotApplicable(claim.Spec, runner.Context) is { } why)
            return new PowerJson.MutantResult(claim.Spec.Id, "n.a.", why);
        ClaimResult r;
        // A mutant that makes the claim throw is a defect of the catalogue, not a kill: it is reported as such and counted
        // as not killed, and the matrix goes on.
        try { r = runner.Measure(claim, runner.Context with { Mutant = m }, $"{claim.Spec.Id} with {m.Id}"); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return new PowerJson.MutantResult(claim.Spec.Id, "error", $"the claim threw under this mutant: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        var outcome = PowerRules.Classify(r);
        var b = outcome.Deciding;
        return new PowerJson.MutantResult(claim.Spec.Id, PowerJson.StatusText(outcome.Status), outcome.Reason,
                                          b?.Measured.Value, b?.Measured.Se, b?.Limit, b?.Bound.ToString(),
                                          m.Survives.TryGetValue(claim.Spec.Id, out var finding) ? finding : null,
                                          outcome.Status == MutantStatus.Killed && m is IGradedMutant g ? Detect(runner, g, claim) : null);
    }

    /// <summary>The claim's minimal detectable effect along the mutant's knob: the weakest strength it still kills.</summary>
    static PowerJson.Detection Detect(Runner runner, IGradedMutant g, IClaim claim)
    {
        var (killedAt, survivedAt) = MinimalEffect.Bisect(g, at =>
            PowerRules.Classify(runner.Measure(claim, runner.Context with { Mutant = at }, $"{claim.Spec.Id} with {at.Id} at {g.Knob}")).Status
                == MutantStatus.Killed);
        return new PowerJson.Detection(g.Knob, g.Identity, killedAt, survivedAt);
    }

    /// <summary>--seeds: how many seeds the truth rows run (default 10).</summary>
    static int ParseSeeds(string? text)
    {
        if (text is null) return 10;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) || k < 1)
            throw new BadInputException($"--seeds must be a positive integer, got '{text}'");
        return k;
    }

    /// <summary>--mutant IDS (comma-separated; default every catalogued mutant of the selected families). An unknown id, or
    /// one that applies to none of the selected claims in this run (its --arch included), is bad input.</summary>
    static IReadOnlyList<Mutant> SelectMutants(string? text, IReadOnlyList<IClaim> claims, RunContext ctx)
    {
        bool Applies(Mutant m) => claims.Any(c => m.WhyNotApplicable(c.Spec, ctx) is null);
        if (text is null) return Catalog.Mutants.Where(Applies).ToArray();
        var picked = new List<Mutant>();
        foreach (var id in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = Catalog.Mutants.FirstOrDefault(x => x.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadInputException($"unknown mutant '{id}' (known: {string.Join(", ", Catalog.Mutants.Select(x => x.Id))})");
            if (!Applies(m))
                throw new BadInputException($"mutant '{m.Id}' applies to none of the selected claims ({string.Join(", ", claims.Select(c => c.Spec.Id))})");
            picked.Add(m);
        }
        return picked;
    }
}
