// Runs claims and builds result tables for the run/rerun/report/tables commands, reporting each as a progress task: a
// start line, the claims' own progress lines in between, and an explicit final line (verdict or table built, with its
// wall time).
using System.Diagnostics;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Snapshots;
using TheoryCheck.Cli.Reporting;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;

namespace TheoryCheck.Cli;

public sealed class Runner
{
    readonly Scale scale;
    RunContext ctx;
    string current = "";

    /// <param name="target">--target for the PT family (null = built-in targets).</param>
    /// <param name="pretrain">--pretrain for the PT networks (null = Beta(1,1)).</param>
    /// <param name="arch">--arch for the PT family (null = both networks).</param>
    public Runner(Scale scale, int seed, Progress progress, TaskDistribution? target = null, TaskDistribution? pretrain = null,
                  Architecture? arch = null)
    {
        (this.scale, Progress) = (scale, progress);
        ctx = new RunContext(scale, seed, line => progress.Line(current, line)) { Target = target, Pretrain = pretrain, Arch = arch };
    }

    /// <summary>The one way a command gets a runner: torch's threads are set for the scale first, before anything trains
    /// or the manifest records them.</summary>
    public static Runner Start(Scale scale, int seed, TextWriter log, TaskDistribution? target = null, TaskDistribution? pretrain = null,
                               Architecture? arch = null)
    {
        TorchRuntime.Initialize(scale.TorchThreads());   // 1 for smoke/ci (small models), every core for paper widths
        return new Runner(scale, seed, Progress.For(log), target, pretrain, arch);
    }

    /// <summary>A runner for the run a results.json records: its scale, seed, PT task distributions and network.</summary>
    public static Runner Start(Manifest recorded, TextWriter log) =>
        Start(Scales.Parse(recorded.Scale), recorded.Seed, log,
              TaskOptions.Parse("target", recorded.Target), TaskOptions.Parse("pretrain", recorded.Pretrain), TaskOptions.ParseArch(recorded.Arch));

    public Progress Progress { get; }

    /// <summary>Saves every finished tuning run in <paramref name="folder"/> and reads back those already there (`run --out`,
    /// for --resume); warnings about unreadable ones go to the progress lines.</summary>
    public Checkpoints SaveWorkIn(string folder)
    {
        var saved = new Checkpoints(folder, ctx.Log);
        ctx = ctx with { Checkpoints = saved };
        return saved;
    }

    /// <summary>The context every claim of this run gets (scale, seed, targets, logging).</summary>
    public RunContext Context => ctx;

    public ResultsJson.ClaimDto Claim(IClaim claim)
    {
        Progress.Start(current = claim.Spec.Id, $"[{claim.Spec.Id}] running at {scale.Name()} scale ...");
        var r = RunOne(claim, ctx);
        Progress.Done(current, $"[{claim.Spec.Id}] {r.Verdict.ToString().ToLowerInvariant()} in {r.Seconds:0.0} s: {r.Reason}");
        return ResultsJson.ToDto(r, scale);
    }

    /// <summary>Runs one claim in another context than the run's own (`power`: another seed, or a mutant in place of the
    /// tested thing), as one progress task named <paramref name="label"/>.</summary>
    public ClaimResult Measure(IClaim claim, RunContext context, string label)
    {
        Progress.Start(current = label, $"[{label}] running at {scale.Name()} scale ...");
        var r = RunOne(claim, context);
        Progress.Done(current, $"[{label}] {r.Verdict.ToString().ToLowerInvariant()} in {r.Seconds:0.0} s: {r.Reason}");
        return r;
    }

    /// <summary>Builds one table; null when it cannot run here (missing optional data), which is logged.</summary>
    public ResultTable? Table(ITableSource source)
    {
        Progress.Start(current = source.Name, $"[{source.Name}] building at {scale.Name()} scale ...");
        var clock = Stopwatch.StartNew();
        try
        {
            var t = source.Build(ctx);
            Progress.Done(current, $"[{source.Name}] built in {clock.Elapsed.TotalSeconds:0.0} s");
            return t;
        }
        catch (ClaimNotRunException e) { Progress.Done(current, $"[{source.Name}] not run: {e.Message}"); return null; }
    }

    /// <summary>Runs one claim; a claim that cannot run here, or whose training diverges, is reported, not thrown.</summary>
    static ClaimResult RunOne(IClaim claim, RunContext ctx)
    {
        var clock = Stopwatch.StartNew();
        try { return claim.Run(ctx); }
        catch (ClaimNotRunException e)
        {
            return ClaimResult.Unmeasured(claim.Spec, ctx, Verdict.NotRun, "not run: " + e.Message, clock.Elapsed.TotalSeconds);
        }
        catch (TheoryCheck.Torch.Training.TrainingDivergedException e)
        {
            return ClaimResult.Unmeasured(claim.Spec, ctx, Verdict.Fail, "training diverged: " + e.Message, clock.Elapsed.TotalSeconds);
        }
        catch (InvalidDataException e)
        {
            return ClaimResult.Unmeasured(claim.Spec, ctx, Verdict.Fail, "bad input data: " + e.Message, clock.Elapsed.TotalSeconds);
        }
    }
}
