// Runs one tuning method on one setting and repetition, then scores it on the target's fixed evaluation set (p1 §4.4-4.5).
// Results are kept per process, so the claims and the result table share every run they have in common.
using System.Diagnostics;
using System.Globalization;
using TheoryCheck.Claims.Core;
using TheoryCheck.Claims.MetaLearning;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;
using TheoryCheck.Torch.Models;
using TheoryCheck.Torch.Training;
using TheoryCheck.Torch.Tuning;

namespace TheoryCheck.Claims.PromptTuning;

public static class TuningRuns
{
    /// <summary>Two lanes asking for the same run get one tuning, and different runs never wait on each other.</summary>
    static readonly Memo<RunOutcome> Done = new();

    /// <summary>The outcome of <paramref name="method"/> (prefix length <paramref name="length"/> for prefix methods).</summary>
    public static RunOutcome Get(Setting setting, Method method, int length, int rep, RunContext ctx) =>
        Get(new RunRequest(setting, method, length, rep), ctx);

    public static RunOutcome Get(RunRequest request, RunContext ctx)
    {
        var (setting, method, length, rep) = request.Normalized;
        return Done.Get(Key(request, ctx), () => ctx.Checkpoints is { } saved
            ? saved.GetOrCompute(CheckpointKey(request, ctx), () => Run(setting, method, length, rep, ctx), o => o.ToJson(), RunOutcome.FromJson)
            : Run(setting, method, length, rep, ctx));
    }

    static string Key(RunRequest request, RunContext ctx)
    {
        var (setting, method, length, rep) = request.Normalized;
        // A run a mutant changes is its own run; every other run is shared with the real thing's.
        var mutant = PromptTuningMutant.Of(ctx);
        return $"{ctx.Scale}|{ctx.Seed}|{setting}|{method}|{length}|{rep}" + (mutant.Changes(method) ? "|" + mutant.Id : "");
    }

    /// <summary>A run's checkpoint key: its memo key (scale, seed, setting, method, length, repetition, mutant), the network it
    /// tuned (its meta-training spec) and the preset it tuned and was scored with, so that a run saved by a build with other
    /// presets is never read back.</summary>
    public static string CheckpointKey(RunRequest request, RunContext ctx)
    {
        var s = request.Setting;
        string network = s.Untrained ? MetaLearningSetup.UntrainedKey(s.Arch, ctx, s.InitDraw) : MetaLearningSetup.PretrainedSpec(s.Arch, s.Pretrain, ctx).Key;
        return $"PT run|{Key(request, ctx)}|{network}|{PromptingSetup.Preset(ctx.Scale)}";
    }

    /// <summary>Every request's outcome, in request order; the missing runs tune side by side (<see cref="Lanes"/>). A claim
    /// asks for all the runs it needs at once, so its wall time is that of its lanes, not the sum of its runs.</summary>
    public static IReadOnlyList<RunOutcome> GetMany(IReadOnlyList<RunRequest> requests, RunContext ctx)
    {
        // Only distinct runs go to the lanes: NoTuning's repetitions are one run, and a lane must not sit waiting on its twin.
        Lanes.Map(requests.Select(r => r.Normalized).Distinct().ToArray(), r => Get(r, ctx));
        return requests.Select(r => Get(r, ctx)).ToArray();
    }

    /// <summary>Tunes the missing runs among <paramref name="requests"/> side by side, before a claim reads them one by one:
    /// the claim's list of runs, declared where it starts.</summary>
    public static void Prefetch(IEnumerable<RunRequest> requests, RunContext ctx) => GetMany(requests.ToArray(), ctx);

    /// <summary>All repetitions of a method, in rep order.</summary>
    public static IReadOnlyList<RunOutcome> Reps(Setting setting, Method method, int length, RunContext ctx) =>
        GetMany(RepRequests(setting, method, length, ctx), ctx);

    /// <summary>The requests for every repetition of a method at the context's scale.</summary>
    public static IReadOnlyList<RunRequest> RepRequests(Setting setting, Method method, int length, RunContext ctx) =>
        Enumerable.Range(0, PromptingSetup.Preset(ctx.Scale).Reps).Select(r => new RunRequest(setting, method, length, r)).ToArray();

    /// <summary>The network a setting tunes: shared, never modified (weight tuners train a copy).</summary>
    public static CoinNetwork Network(Setting s, RunContext ctx) =>
        s.Untrained ? MetaLearningSetup.Untrained(s.Arch, ctx, s.InitDraw) : MetaLearningSetup.Pretrained(s.Arch, s.Pretrain, ctx);

    /// <summary>Tuning data and init seeds of a repetition: shared by every method and architecture on a target (p1 §4.4).</summary>
    public static SeedPlan TuningSeeds(TaskDistribution target, int rep, RunContext ctx) =>
        ctx.Seeds(SeedPurposes.Tuning(target.Name)).ForRepetition(rep);

    /// <summary>The target's evaluation set seed: the same sequences for every method, network and repetition.</summary>
    public static ulong EvalSeed(TaskDistribution target, RunContext ctx) => ctx.Seeds(SeedPurposes.TuningEvaluation(target.Name)).Eval;

    /// <summary>A prefix method's starting prefix (rep 0's init seed), evaluated without tuning: the control of what tuning adds.</summary>
    public static RunOutcome Untuned(Setting s, Method method, int length, RunContext ctx)
    {
        var model = Network(s, ctx);
        var prefix = model.InitialPrefix(method.PrefixKind(), length, TuningSeeds(s.Target, 0, ctx).Init);
        return Evaluate(model, prefix, s.Target, ctx, method, 0, "untuned init");
    }

    /// <summary>A given hard prefix on the setting's network, untuned.</summary>
    public static RunOutcome EvaluateHard(Setting s, int[] bits, RunContext ctx)
    {
        var model = Network(s, ctx);
        var search = model.HardPrefix(bits);
        return Evaluate(model, search, s.Target, ctx, Method.HardPT, 0, "untuned " + string.Join("", bits)) with { HardBits = bits };
    }

    static RunOutcome Run(Setting s, Method method, int length, int rep, RunContext ctx)
    {
        var preset = PromptingSetup.Preset(ctx.Scale);
        var clock = Stopwatch.StartNew();
        var model = Network(s, ctx);
        var seeds = TuningSeeds(s.Target, rep, ctx);
        var budget = preset.Budget;
        var mutant = PromptTuningMutant.Of(ctx);   // the identity for the real thing
        var tuningTarget = mutant.TuningTarget(TargetShift.Apply(s.Target, s.TuningShift));
        var data = new CoinStream(tuningTarget.SampleBias, seeds.DataRandom(), seeds.Data, budget.Batch, budget.Length);

        TunedPrefix? prefix = null;
        CoinNetwork? tuned = null;
        string detail = "";
        switch (method)
        {
            case Method.NoTuning: break;
            case Method.HardPT:
                prefix = model.SearchHardPrefix(mutant.Length(method, length),
                    new CoinStream(tuningTarget.SampleBias, seeds.EvalRandom(), seeds.Eval, preset.SearchSequences, budget.Length));
                detail = $"prefix {string.Join("", prefix.Bits!)} ({prefix.Bits!.Count(b => b == 1)} ones)";
                break;
            case var m when m.IsPrefix():
                prefix = model.TunePrefix(m.PrefixKind(), mutant.Length(method, length), seeds.Init, data, mutant.Budget(method, budget.Optimiser));
                detail = string.Create(CultureInfo.InvariantCulture, $"final tuning loss {prefix.SearchLoss:F3}");
                break;
            default:
                if (method == Method.LoRAWT && s.Arch != Architecture.Transformer)
                    throw new ArgumentException("LoRAWT needs a Transformer (p1 §4.2)");
                if (method == Method.LoRAWT && !mutant.LoraWired) { detail = "adapters not wired into forward"; break; }   // scores as untuned
                tuned = model.TuneWeights(mutant.Trains(method), seeds.Init, data, budget.Optimiser);
                break;
        }
        try
        {
            var outcome = Evaluate(tuned ?? model, prefix, s.Target, ctx, method, rep, detail, clock) with { HardBits = prefix?.Bits };
            ctx.Log(string.Create(CultureInfo.InvariantCulture,
                $"  PT {s} {method}{(method.IsPrefix() ? $" L={length}" : "")} rep {rep + 1}: regret@{PromptingSetup.Horizons[0]} {outcome.MeanCurve[Math.Min(PromptingSetup.Horizons[0], outcome.MeanCurve.Length - 1)]:F3} {detail} ({outcome.Seconds:F1} s)"));
            return outcome;
        }
        finally { tuned?.Dispose(); }
    }

    /// <summary>Scores a (possibly prefixed) network on the target's evaluation set: regret vs the oracle that knows τ.</summary>
    public static RunOutcome Evaluate(CoinNetwork model, TunedPrefix? prefix, TaskDistribution target, RunContext ctx,
                                      Method method = Method.NoTuning, int rep = 0, string detail = "", Stopwatch? clock = null)
    {
        var preset = PromptingSetup.Preset(ctx.Scale);
        var (bits, biases) = EvalSet(target, ctx);
        var p1 = model.PredictOnes(bits, batch: 512, prefix: prefix);
        int length = preset.EvalLength;
        var horizons = PromptingSetup.Horizons.Where(h => h <= length).ToArray();
        var curve = new double[length + 1];
        var perSeq = horizons.ToDictionary(h => h, _ => new double[bits.Length]);
        for (int i = 0; i < bits.Length; i++)
        {
            var r = MonteCarloRegret.SequenceCurve(p1[i], bits[i], biases[i], length);
            for (int t = 0; t < length; t++)
            {
                curve[t + 1] += r[t + 1] / bits.Length;
                if (perSeq.TryGetValue(t + 1, out var at)) at[i] = r[t + 1];
            }
        }
        return new RunOutcome(method, rep, curve, perSeq, detail, clock?.Elapsed.TotalSeconds ?? 0);
    }

    /// <summary>Regret of a predictor given by counts on the target's evaluation set (the sequences every run is scored on),
    /// per sequence at each horizon: an ideal baseline's row paired with the networks' rows.</summary>
    public static IReadOnlyDictionary<int, double[]> EvaluateCounts(Func<int, int, double> p1, TaskDistribution target, RunContext ctx)
    {
        var (bits, biases) = EvalSet(target, ctx);
        int length = PromptingSetup.Preset(ctx.Scale).EvalLength;
        var perSeq = PromptingSetup.Horizons.Where(h => h <= length).ToDictionary(h => h, _ => new double[bits.Length]);
        var predictions = new double[length];
        for (int i = 0; i < bits.Length; i++)
        {
            for (int t = 0, ones = 0; t < length; ones += bits[i][t], t++) predictions[t] = p1(ones, t);
            var r = MonteCarloRegret.SequenceCurve(predictions, bits[i], biases[i], length);
            foreach (var (h, at) in perSeq) at[i] = r[h];
        }
        return perSeq;
    }

    static readonly Memo<(int[][] Bits, double[] Biases)> EvalSets = new();

    static (int[][] Bits, double[] Biases) EvalSet(TaskDistribution target, RunContext ctx)
    {
        var preset = PromptingSetup.Preset(ctx.Scale);
        string key = $"{ctx.Scale}|{ctx.Seed}|{target.Name}";
        return EvalSets.Get(key, () => Scores.EvalSet(target, EvalSeed(target, ctx), 0, preset.EvalSequences, preset.EvalLength));
    }
}

/// <summary>One tuning run: a method (prefix length <paramref name="Length"/> for prefix methods) on a setting, repetition
/// <paramref name="Rep"/>.</summary>
public sealed record RunRequest(Setting Setting, Method Method, int Length, int Rep)
{
    /// <summary>The same run named one way: NoTuning has nothing to tune, so every repetition is one evaluation (rep 0); only
    /// prefix methods have a length.</summary>
    public RunRequest Normalized => this with
    {
        Length = Method.IsPrefix() ? Length : 0,
        Rep = Method == Method.NoTuning ? 0 : Rep,
    };
}
