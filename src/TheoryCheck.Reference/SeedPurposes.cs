// The registry of seed purposes: every stream TheoryCheck derives has a name here, mapped to the number it has always used,
// so naming a purpose never re-draws an instance. Changing a number re-draws every result that uses it.
namespace TheoryCheck;

/// <summary>A purpose whose seeds are <c>SeedPlan.From(userSeed, Stream)</c>.</summary>
/// <param name="Name">What the stream is for; for hashed purposes, exactly the text whose FNV-1a is the stream.</param>
public sealed record SeedStream(string Name, int Stream)
{
    /// <summary>A stream numbered by the FNV-1a hash of its name.</summary>
    public static SeedStream Named(string name) => new(name, SeedPlan.StreamOf(name));
}

/// <summary>A purpose whose System.Random seed is a parent seed XOR <paramref name="Salt"/>.</summary>
public sealed record SeedSalt(string Name, int Salt);

/// <summary>Sequence <paramref name="Index"/> of an evaluation set (seed mixed with the index).</summary>
public sealed record EvalSequence(int Index);

/// <summary>
/// Every named purpose. The numbers are historical, not designed: numbered streams are small integers or a table's base
/// plus its row, hashed streams are the FNV-1a of the name, salts are the XOR constants each call site used, and the one
/// fixed seed is the formula its table used.
/// </summary>
public static class SeedPurposes
{
    // Streams of the user seed (RunContext.Seeds).

    /// <summary>The claim's case stream: the hash of the bare claim id (CaseStream.SeedOf takes its Data).</summary>
    public static SeedStream Cases(string claimId) => SeedStream.Named(claimId);

    /// <summary>Meta-training of one architecture ("Lstm", "Transformer"), shared by every MB/PT claim and the model cache key.</summary>
    public static SeedStream Pretraining(string architecture) => SeedStream.Named("pretrain:" + architecture);

    /// <summary>Prompt/weight tuning towards one target distribution (before ForRepetition).</summary>
    public static SeedStream Tuning(string target) => SeedStream.Named("tune|" + target);

    /// <summary>The evaluation set of one tuning target (its Eval seed).</summary>
    public static SeedStream TuningEvaluation(string target) => SeedStream.Named("eval|" + target);

    /// <summary>The shared evaluation sequences of the meta-learning table and its regret bands (its Eval seed): stream 7.</summary>
    public static readonly SeedStream MetaLearningEvaluation = new("meta-learning evaluation", 7);

    /// <summary>Row <paramref name="row"/> of the attention accuracy table (its DataSeed): stream 9000 + row.</summary>
    public static SeedStream AccuracyTableRow(int row) => new($"accuracy table row {row}", 9000 + row);

    /// <summary>Row <paramref name="row"/> of the Fashion-MNIST table (its DataSeed): stream 9100 + row.</summary>
    public static SeedStream FashionMnistTableRow(int row) => new($"fashion-mnist table row {row}", 9100 + row);

    /// <summary>The known-prompt table's row at prompt strength Γ (its DataSeed): stream 7000 + ⌊10Γ⌋.</summary>
    public static SeedStream KnownPromptTableRow(double gamma) => new(FormattableString.Invariant($"known-prompt table gamma {gamma}"), 7000 + (int)(gamma * 10));

    // Salts of a case seed or row seed (SeedPlan.For(seed, salt) = seed ^ salt).

    /// <summary>Training sequences of a contextual-mixture or image instance.</summary>
    public static readonly SeedSalt TrainingSet = new("training set", 0x1234567);

    /// <summary>Test sequences of the same instance.</summary>
    public static readonly SeedSalt TestSet = new("test set", 0x7654321);

    /// <summary>Initial weights of a trained attention model.</summary>
    public static readonly SeedSalt ModelInit = new("model init", 0x5eed);

    /// <summary>Which training labels the label-flip mutant flips (`power`).</summary>
    public static readonly SeedSalt MutantLabelFlips = new("mutant label flips", 0x0f11b5);

    /// <summary>The random direction orthogonal to q̂ and v̂ (context-benefit control).</summary>
    public static readonly SeedSalt OrthogonalDirection = new("orthogonal direction", 0x0f0f);

    /// <summary>Training sets of a known-prompt experiment (one continuing stream).</summary>
    public static readonly SeedSalt KnownPromptTraining = new("known-prompt training sets", 0x2545F49);

    /// <summary>The test set of a known-prompt experiment.</summary>
    public static readonly SeedSalt KnownPromptTest = new("known-prompt test set", 0x3C6EF37);

    /// <summary>The re-drawn bits of the reference-sanity control (sequences from the wrong bias).</summary>
    public static readonly SeedSalt WrongBiasRedraw = new("wrong-bias redraw", 0x5bd1e995);

    // Fixed seeds, independent of the user seed: the draw is part of a table's definition.

    /// <summary>The one ordering of k ones in n bits behind the meta-learning table's grid error: seed 1000k + n.</summary>
    public static int GridOrdering(int ones, int n) => ones * 1000 + n;

    /// <summary>The resampling of a bootstrap over tuning repetitions: fixed, so an interval is a function of the repetitions'
    /// values alone.</summary>
    public const int RepetitionBootstrap = 20261130;
}
