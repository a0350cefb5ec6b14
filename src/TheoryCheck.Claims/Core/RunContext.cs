// Everything a claim run needs from outside: scale, user seed, logging. Immutable; no global state.
namespace TheoryCheck.Claims.Core;

/// <param name="Seed">The user seed; every stream (data, init, eval, case draws) derives from it.</param>
/// <param name="Log">Progress lines (CLI: console; tests: ITestOutputHelper).</param>
public sealed record RunContext(Scale Scale, int Seed, Action<string> Log)
{
    /// <summary>User-chosen target task distribution (CLI --target) for the PT family; null = each claim's built-in target.</summary>
    public Reference.Coins.TaskDistribution? Target { get; init; }

    /// <summary>User-chosen pretraining distribution (CLI --pretrain) for the PT networks; null = Beta(1,1).</summary>
    public Reference.Coins.TaskDistribution? Pretrain { get; init; }

    /// <summary>User-chosen network (CLI --arch) for the PT family; null = both, as in p1 §4.2.</summary>
    public Torch.Models.Architecture? Arch { get; init; }

    /// <summary>A near miss standing where the tested thing would be (`theorycheck power`); null = the real thing. The family
    /// setups read it; nothing else changes.</summary>
    public Power.Mutant? Mutant { get; init; }

    /// <summary>Knobs a boundary map sets (`theorycheck map`); empty = every knob at the scale preset. Only the claims that
    /// declare an axis of that name read it (Claim.Axes).</summary>
    public Maps.KnobValues Knobs { get; init; } = Maps.KnobValues.None;

    /// <summary>Where finished pieces of work (PT tuning runs) are saved for `run --resume` (DIR/runs.partial); null = kept in
    /// memory only.</summary>
    public Checkpoints? Checkpoints { get; init; }

    /// <summary>The map's value of knob <paramref name="name"/>, or null when the preset applies.</summary>
    public double? Knob(string name) => Knobs.Values.TryGetValue(name, out var v) ? v : null;

    public static RunContext Quiet(Scale scale, int seed = 1) => new(scale, seed, _ => { });

    /// <summary>Seeds for one named purpose (a model, a table row), stable across processes.</summary>
    public SeedPlan Seeds(SeedStream purpose) => SeedPlan.For(Seed, purpose);
}
