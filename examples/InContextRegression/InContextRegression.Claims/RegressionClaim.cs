// What the LR claims share: a case is one evaluation set (its seed) of the seed's pretrained networks, drawn the same way
// and as many per scale for every LR claim.
using FsCheck;
using FsCheck.Fluent;
using TheoryCheck.Claims.Core;

namespace InContextRegression;

/// <summary>One evaluation set: its seed. The networks are the run seed's pretrained networks.</summary>
public sealed record EvalSet(int Seed)
{
    public override string ToString() => $"eval prompts (seed {Seed})";
}

public abstract class RegressionClaim : Claim<EvalSet>
{
    public static readonly ScalePresets Presets = new("width 32, 200 steps; 1 × 1,000 prompts", "width 32 × 3 layers, 2,500 steps; 2 × 2,000 prompts",
                                                      "width 64 × 4 layers, 20,000 steps; 5 × 5,000 prompts");

    public override int CaseCount(Scale scale) => scale.Pick(1, 2, 5);

    public override Gen<EvalSet> Cases(Scale scale) => Gen.Choose(0, int.MaxValue - 1).Select(s => new EvalSet(s));
}
