// The PT family's mutant catalogue: near misses of the tuners and their data, each read where TuningRuns runs a method (or,
// for the tuner faults, where PT-10 measures the tuners). The hooks are the identity for the real thing
// (PromptTuningMutant.None). Which claims a mutant cannot be told apart by, and why, is said in advance; docs/power.md has
// the matrix `theorycheck power PT` measures.
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.Power;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch.Training;
using TheoryCheck.Torch.Tuning;

namespace TheoryCheck.Claims.PromptTuning;

public abstract record PromptTuningMutant(string Id, string Description, string? Strength, IReadOnlyDictionary<string, string> NotApplicable)
    : Mutant(Id, PromptTuningFamily.Key, Description, Strength, NotApplicable)
{
    /// <summary>The real thing: every hook is the identity.</summary>
    public static PromptTuningMutant None { get; } = new Identity();

    /// <summary>The mutant of the context, or <see cref="None"/>.</summary>
    public static PromptTuningMutant Of(RunContext ctx) => ctx.Mutant as PromptTuningMutant ?? None;

    /// <summary>Whether this mutant changes runs of <paramref name="method"/>: those are keyed apart from the real runs, and
    /// every other run is shared with them.</summary>
    public virtual bool Changes(Method method) => false;

    /// <summary>The prefix length a method actually tunes or searches.</summary>
    public virtual int Length(Method method, int length) => length;

    /// <summary>The optimiser budget a method actually gets.</summary>
    public virtual OptimiserConfig Budget(Method method, OptimiserConfig budget) => budget;

    /// <summary>The distribution the tuning data are drawn from (evaluation is always on the real target).</summary>
    public virtual TaskDistribution TuningTarget(TaskDistribution target) => target;

    /// <summary>The weights a weight tuner actually trains.</summary>
    public virtual WeightKind Trains(Method method) => method.WeightKind();

    /// <summary>False: LoRA's tuned adapters are never read by forward, so the net scores as untuned.</summary>
    public virtual bool LoraWired => true;

    /// <summary>The tuner PT-10 measures.</summary>
    public virtual TunerFault Fault => TunerFault.None;

    sealed record Identity() : PromptTuningMutant("none", "the real thing", null, new Dictionary<string, string>());
}

public static class PromptTuningMutants
{
    // Why a PT claim reads nothing a given mutant changes, shared by the mutants below.
    const string Exact = "exact math on the ideal predictor: no tuner runs";
    const string NoTuning = "tunes nothing: its prefixes are drawn, not tuned";
    const string TunerCheckOnly = "the fault is measured where PT-10 checks the tuners; the tuning runs do not read it (a hook there is future work)";
    const string NoHard = "runs no HardPT search";
    const string NoSoft = "runs no SoftPT tuning";
    const string NoWeights = "runs no partial weight tuner (Embed/Unembed/UnEmbed)";
    const string NoLora = "runs no LoRA tuning";
    // A mutant that only makes a method worse cannot violate a bound that says the method stays bad (a lower bound on its
    // regret) or that another method beats it; one that only makes a tuner more capable cannot violate an upper bound on regret.
    const string OnlyWorseHard = "a weaker HardPT only raises HardPT's regret, which these bounds allow (they bound SoftPT against HardPT, or keep prefixes above TargetBayes)";
    const string OnlyWorsePrefix = "a weaker prefix tuner only raises prefix regret, which these bounds keep above a floor";
    const string OnlyMoreCapable = "a tuner with more trainable weights only lowers regret, which these bounds cap from above";

    public static IReadOnlyList<PromptTuningMutant> All { get; } = new PromptTuningMutant[]
    {
        new Faulty("pt-prefix-moves-weights", "a prefix tuner that also moves every weight", "relative step 1e-3", TunerFault.PrefixMovesWeights),
        new Faulty("pt-loss-counts-prefix", "a prefix tuning loss that also counts the prefix positions", null, TunerFault.LossCountsPrefix),
        new ShorterHard("pt-hard-shorter")
        {
            Survives = new Dictionary<string, string>
            {
                ["PT-2"] = "the ideal's best L = 5 prefix (1 one) scores 0.669 against L = 6's 0.571 on the 0.2 coin: 0.098 apart, while the nets " +
                           "themselves sit up to 0.042 (limit 0.064) from the ideal at seeds 1-3, so no bound between keeps a margin on both sides at 3 repetitions",
            },
        },
        new QuarterSoft("pt-soft-quarter"),
        new UnwiredLora("pt-lora-unwired"),
        new ShiftedTarget("pt-target-off", TargetShift.NearMiss)
        {
            Survives = new Dictionary<string, string>
            {
                ["PT-2"] = "on the 0.25 coin the ideal's best 6-token prefix has the same composition (1 one) as on 0.2, so HardPT tuned on 0.25 finds the same prefix",
                ["PT-4"] = "PT-4 compares the prefix methods with each other, and data from the 0.25 coin moves them together (its declared miss stays)",
                ["PT-7"] = "tuning an untrained net on the 0.25 coin still cuts its 0.2-coin regret by 0.75 on average at seed 1 (the real thing: 0.78), " +
                           "while the real thing's mean over 5 inits ranges 0.78-0.89 over seeds 1-10: no bound between keeps a margin",
            },
        },
        new ExtraGroup("pt-extra-group"),
    };

    /// <summary>A broken tuner in PT-10's measurement.</summary>
    sealed record Faulty(string Id, string Description, string? Strength, TunerFault FaultKind) : PromptTuningMutant(Id, Description, Strength,
        Mutant.Join(Mutant.NotApplicableTo(Exact, "PT-1"), Mutant.NotApplicableTo(NoTuning, "PT-9"), Mutant.NotApplicableTo(TunerCheckOnly, "PT-2", "PT-3", "PT-4", "PT-5", "PT-6", "PT-7", "PT-8")))
    {
        public override TunerFault Fault => FaultKind;
    }

    /// <summary>HardPT searches prefixes one token shorter than the claim states.</summary>
    sealed record ShorterHard(string Id) : PromptTuningMutant(Id, "HardPT searching one length shorter", "L − 1",
        Mutant.Join(Mutant.NotApplicableTo(Exact, "PT-1"), Mutant.NotApplicableTo(NoTuning, "PT-9"), Mutant.NotApplicableTo(NoHard, "PT-6", "PT-7", "PT-8", "PT-10"),
                    Mutant.NotApplicableTo(OnlyWorseHard, "PT-3", "PT-4", "PT-5")))
    {
        public override bool Changes(Method method) => method == Method.HardPT;
        public override int Length(Method method, int length) => method == Method.HardPT ? Math.Max(1, length - 1) : length;
    }

    /// <summary>SoftPT with a quarter of its optimiser steps.</summary>
    sealed record QuarterSoft(string Id) : PromptTuningMutant(Id, "SoftPT with a quarter of its steps", "steps / 4",
        Mutant.Join(Mutant.NotApplicableTo(Exact, "PT-1"), Mutant.NotApplicableTo(NoTuning, "PT-9"), Mutant.NotApplicableTo(NoSoft, "PT-2", "PT-8", "PT-10"),
                    Mutant.NotApplicableTo(OnlyWorsePrefix, "PT-5", "PT-6")))
    {
        public override bool Changes(Method method) => method == Method.SoftPT;
        public override OptimiserConfig Budget(Method method, OptimiserConfig budget) =>
            method == Method.SoftPT ? budget with { Steps = Math.Max(1, budget.Steps / 4) } : budget;
    }

    /// <summary>LoRA adapters that are trained but never read by forward (PT-5's LoRAWT; PT-10's wiring bound).</summary>
    sealed record UnwiredLora(string Id) : PromptTuningMutant(Id, "LoRA adapters not wired into forward", null,
        Mutant.Join(Mutant.NotApplicableTo(Exact, "PT-1"), Mutant.NotApplicableTo(NoTuning, "PT-9"), Mutant.NotApplicableTo(NoLora, "PT-2", "PT-3", "PT-4", "PT-6", "PT-7", "PT-8")))
    {
        public override bool Changes(Method method) => method == Method.LoRAWT;
        public override bool LoraWired => false;

        public override string? WhyNotApplicable(ClaimSpec spec, RunContext ctx) =>
            spec.Id == "PT-5" && ctx.Arch == Torch.Models.Architecture.Lstm
                ? "PT-5's LoRA bound needs the Transformer, which --arch lstm leaves out" : base.WhyNotApplicable(spec, ctx);
        public override TunerFault Fault => TunerFault.LoraUnwired;
    }

    /// <summary>Every tuner learns from data of a target whose coins are off by <paramref name="Shift"/>.</summary>
    sealed record ShiftedTarget(string Id, double Shift) : PromptTuningMutant(Id, "every tuner's data drawn from the target with its coins off",
        FormattableString.Invariant($"p + {Shift} (p − {Shift} above {1 - Shift})"),
        Mutant.Join(Mutant.NotApplicableTo(Exact, "PT-1"), Mutant.NotApplicableTo(NoTuning, "PT-9"), Mutant.NotApplicableTo("measures the tuners on random data, with no target", "PT-10")))
    {
        public override bool Changes(Method method) => method != Method.NoTuning;

        public override TaskDistribution TuningTarget(TaskDistribution target) => TargetShift.Apply(target, Shift);
    }

    /// <summary>Each partial weight tuner trains one parameter group more than it states.</summary>
    sealed record ExtraGroup(string Id) : PromptTuningMutant(Id, "a weight tuner that trains one extra parameter group", "Embed, Unembed → both; both → all",
        Mutant.Join(Mutant.NotApplicableTo(Exact, "PT-1"), Mutant.NotApplicableTo(NoTuning, "PT-9"), Mutant.NotApplicableTo(NoWeights, "PT-2", "PT-3", "PT-4", "PT-5", "PT-6", "PT-7"),
                    Mutant.NotApplicableTo(OnlyMoreCapable, "PT-8")))
    {
        public override bool Changes(Method method) => method is Method.EmbedWT or Method.UnembedWT or Method.UnEmbedWT;

        public override WeightKind Trains(Method method) => method switch
        {
            Method.EmbedWT or Method.UnembedWT => WeightKind.UnEmbed,
            Method.UnEmbedWT => WeightKind.Full,
            _ => method.WeightKind(),
        };

        public override TunerFault Fault => TunerFault.ExtraGroup;
    }
}
