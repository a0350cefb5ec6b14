// The map axes of the PA claims (`theorycheck map PA-n --axes`): knobs of the contextual mixture a case draws, applied in
// one place so that every claim reads them the same way. ζ moves on a 1/50 grid at T = 50, since ζ·T must count tokens.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Maps;
using TheoryCheck.Reference.Attention;

namespace TheoryCheck.Claims.Attention;

public static class AttentionAxes
{
    /// <summary>T of a ζ map point: every ζ on the axis's 0.02 grid is then a whole number of relevant tokens.</summary>
    public const int ZetaTokens = 50;

    public static Axis Zeta((double, double)? domain) =>
        new("zeta", 0.02, 1, 0.02, "ζ", $"fraction of relevant tokens (T = {ZetaTokens} at every map point; the case's other knobs as drawn)", _ => double.NaN, domain);

    public static Axis N(double preset, (double, double)? domain) =>
        new("n", 2, 1_000_000, 1, "sequences", "training sequences", _ => preset, domain);

    public static readonly Axis Ratio = new("ratio", 0.1, 20, 0.05, "n/d", "training sequences per dimension (n = ratio · d, even)", _ => double.NaN, (0.5, 5));

    public static readonly Axis Gamma = GammaIn((0, 3));

    public static Axis GammaIn((double, double) domain) => new("gamma", 0, 10, 0.05, "Γ", "norm of the known prompt p = Γq̂", _ => double.NaN, domain);

    /// <summary>The case with the map's knobs applied (no knob: the case itself).</summary>
    public static MixtureCase Apply(MixtureCase mc, RunContext ctx)
    {
        var c = mc.Config;
        if (ctx.Knob("zeta") is { } zeta) c = c with { T = ZetaTokens, Zeta = zeta };
        if (ctx.Knob("n") is { } n) c = c with { N = (int)n };
        if (ctx.Knob("ratio") is { } r) c = c with { N = Math.Max(2, 2 * (int)Math.Round(r * c.D / 2)) };
        if (ctx.Knob("gamma") is { } g) c = c with { Gamma = g };
        return c == mc.Config ? mc : mc with { Config = c.Validate() };
    }
}
