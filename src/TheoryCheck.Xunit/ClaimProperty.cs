// Runs a claim under xunit through the claim's own Run, the same call the CLI makes: the same cases (CaseStream), the same
// RunContext seed, the same judge, worst case and minimal counterexample. So `dotnet test` and `theorycheck run` at one
// scale and seed judge exactly the same instances, and a failure here reproduces with the command it prints. The
// repository's specs use it, and so does a user's own test project.
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch.Models;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TheoryCheck.Xunit;

public static class ClaimProperty
{
    /// <summary>The context a spec runs a claim in: <see cref="RunSettings.TestContext"/> (THEORYCHECK_SCALE/SEED, validated:
    /// a bad value fails the test with the variable's name).</summary>
    public static RunContext Context(Action<string> log, Scale? scale = null, int? seed = null, Architecture? arch = null) =>
        RunSettings.TestContext(log, scale, seed, arch);

    /// <summary>Runs the claim as <see cref="Check"/> does and returns its result (every case, the worst, the control).</summary>
    public static ClaimResult Run(IClaim claim, ITestOutputHelper output, Scale? scale = null, int? seed = null) =>
        RunIn(claim, output, Context(output.WriteLine, scale, seed));

    static ClaimResult RunIn(IClaim claim, ITestOutputHelper output, RunContext ctx)
    {
        ClaimResult r;
        // A claim that cannot run here (a missing dataset, no bound applying) is reported as the CLI reports it: verdict notrun,
        // which Check fails with the line that reproduces it.
        try { r = claim.Run(ctx); }
        catch (ClaimNotRunException e) { r = ClaimResult.Unmeasured(claim.Spec, ctx, Verdict.NotRun, "not run: " + e.Message, 0); }
        string id = claim.Spec.Id;
        foreach (var c in r.CaseResults)
            output.WriteLine($"{id} case {c.Index} [{c.Case}] {c.Verdict.ToString().ToLowerInvariant()}: {c.Reason}");
        output.WriteLine($"{id}: {r.Verdict.ToString().ToLowerInvariant()} on {r.Cases} cases at {ctx.Scale.Name()} scale, seed {ctx.Seed} (case seed {r.CaseSeed}); reported case [{r.Case}]: {r.Reason}");
        return r;
    }

    /// <summary>
    /// Checks <paramref name="claim"/> on its CaseCount(scale) cases. It fails when the claim's verdict is fail: a bound does
    /// not hold (unless the claim is a declared finding) or the negative control does not fail clearly.
    /// </summary>
    /// <param name="arch">Only this network (as `--arch`); null = every network the claim measures.</param>
    public static void Check(IClaim claim, ITestOutputHelper output, Scale? scale = null, int? seed = null, Architecture? arch = null)
    {
        var ctx = Context(output.WriteLine, scale, seed, arch);
        var r = RunIn(claim, output, ctx);
        if (r.Verdict is Verdict.Fail or Verdict.NotRun)
        {
            string id = claim.Spec.Id;
            throw new XunitException($"{id} {r.Verdict.ToString().ToLowerInvariant()} at {ctx.Scale.Name()} scale, seed {ctx.Seed}, case [{r.Case}]: {r.Reason}. " +
                                     $"Reproduce: theorycheck run {id} --scale {ctx.Scale.Name()} --seed {ctx.Seed}" +
                                     (arch is { } a ? $" --arch {a.ToString().ToLowerInvariant()}" : "") +
                                     (Catalog.IsBuiltIn(claim) ? "" : $" --claims {claim.GetType().Assembly.Location}"));
        }
    }
}
