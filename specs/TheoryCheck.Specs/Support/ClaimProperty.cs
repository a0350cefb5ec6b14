// Runs a claim as an FsCheck property: FsCheck draws the cases from the claim's own generator, each case is measured by
// the claim's one definition and judged by the same rule as the CLI. A failure report carries FsCheck's replay seed.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;
using TheoryCheck.Torch;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TheoryCheck.Specs.Support;

public static class ClaimProperty
{
    /// <summary>
    /// Checks <paramref name="claim"/> on CaseCount(scale) cases (the property's MaxTest). A case fails when a bound does
    /// not hold (unless the claim is a declared finding) or when its negative control does not fail clearly.
    /// Replay a failure with THEORYCHECK_REPLAY="(seed,gamma)" taken from the report.
    /// The cases are drawn from a seed fixed per claim (THEORYCHECK_SEED, default 1), so a CI gate does not flap on the
    /// inherent false-alarm rate of statistical bounds (e.g. MB-6's 3-SE test); THEORYCHECK_SEED=random explores new cases.
    /// </summary>
    public static void Check<T>(Claim<T> claim, ITestOutputHelper output, Scale? scale = null, int seed = 1)
    {
        var s = scale ?? Scales.FromEnvironment();
        TorchRuntime.Initialize(s.TorchThreads());
        var ctx = new RunContext(s, seed, output.WriteLine);
        int controls = 0;
        var property = Prop.ForAll(Arb.From(claim.Cases(s)), instance =>
        {
            var outcome = claim.Evaluate(instance, ctx);
            var (bounds, control, verdict, reason) = Judge.Case(claim.Spec, outcome);
            if (control.Status != ControlStatus.NotRun) controls++;
            output.WriteLine($"{claim.Spec.Id} [{outcome.Case}] {verdict.ToString().ToLowerInvariant()}: {reason}");
            if (verdict == Verdict.Fail)
                throw new XunitException($"{claim.Spec.Id} failed on {outcome.Case}: {reason}");
        });
        var config = Config.QuickThrowOnFailure.WithMaxTest(claim.CaseCount(s)).WithQuietOnSuccess(true);
        string? caseSeed = Environment.GetEnvironmentVariable("THEORYCHECK_SEED");
        if (Environment.GetEnvironmentVariable("THEORYCHECK_REPLAY") is { Length: > 0 } replay)
            config = config.WithReplay(ParseReplay(replay));
        else if (caseSeed != "random")
        {
            int user = int.TryParse(caseSeed, out int u) ? u : 1;
            var start = SeedPlan.From(user, Claim<T>.StableHash(claim.Spec.Id));
            config = config.WithReplay(new Replay(new Rnd(start.Data, start.Eval | 1), null));
        }
        property.Check(config);
        Assert.True(controls > 0, $"{claim.Spec.Id}: no case ran the negative control, so the claim is not tested");
    }

    static Replay ParseReplay(string text)
    {
        var parts = text.Trim('(', ')', ' ').Split(',');
        return new Replay(new Rnd(ulong.Parse(parts[0]), ulong.Parse(parts[1])), parts.Length > 2 ? int.Parse(parts[2]) : null);
    }
}
