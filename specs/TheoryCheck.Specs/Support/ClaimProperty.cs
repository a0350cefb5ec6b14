// Runs a claim under xunit through the claim's own Run, the same call the CLI makes: the same cases (CaseStream), the same
// RunContext seed, the same judge, worst case and minimal counterexample. So `dotnet test` and `theorycheck run` at one
// scale and seed judge exactly the same instances, and a failure here reproduces with the command it prints.
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TheoryCheck.Specs.Support;

public static class ClaimProperty
{
    /// <summary>
    /// Checks <paramref name="claim"/> on its CaseCount(scale) cases. It fails when the claim's verdict is fail: a bound does
    /// not hold (unless the claim is a declared finding) or the negative control does not fail clearly.
    /// Scale and seed come from THEORYCHECK_SCALE (default ci) and THEORYCHECK_SEED (default 1; "random" draws one and
    /// prints it), validated: a bad value fails the test with the variable's name. The fixed default seed keeps a CI gate
    /// from flapping on the inherent false-alarm rate of statistical bounds (e.g. MB-6's 3-SE test).
    /// </summary>
    public static void Check<T>(Claim<T> claim, ITestOutputHelper output, Scale? scale = null, int? seed = null)
    {
        var s = scale ?? RunSettings.Scale();
        int user = seed ?? RunSettings.Seed(output.WriteLine);
        TorchRuntime.Initialize(s.TorchThreads());
        var r = claim.Run(new RunContext(s, user, output.WriteLine));
        string id = claim.Spec.Id;
        foreach (var c in r.CaseResults)
            output.WriteLine($"{id} case {c.Index} [{c.Case}] {c.Verdict.ToString().ToLowerInvariant()}: {c.Reason}");
        output.WriteLine($"{id}: {r.Verdict.ToString().ToLowerInvariant()} on {r.Cases} cases at {s.Name()} scale, seed {user} (case seed {r.CaseSeed}); reported case [{r.Case}]: {r.Reason}");
        if (r.Verdict is Verdict.Fail or Verdict.NotRun)
            throw new XunitException($"{id} {r.Verdict.ToString().ToLowerInvariant()} at {s.Name()} scale, seed {user}, case [{r.Case}]: {r.Reason}. " +
                                     $"Reproduce: theorycheck run {id} --scale {s.Name()} --seed {user}");
    }
}
