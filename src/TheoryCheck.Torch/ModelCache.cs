// Trained models cached by a hash of their full config, outside the repository, checksum-verified.
// A corrupt or unreadable entry is reported and rebuilt, never trusted.
using System.Security.Cryptography;
using System.Text;

namespace TheoryCheck.Torch;

/// <summary>A trained model the cache can store: its weights to and from a stream (e.g. TorchSharp's module save/load).
/// <see cref="CoinNetwork"/> is one; a user's own model (examples/InContextRegression) is another.</summary>
public interface ICachedModel : IDisposable
{
    void Save(Stream stream);
    void Load(Stream stream);
}

public static class ModelCache
{
    /// <summary>THEORYCHECK_CACHE, else $XDG_CACHE_HOME/theorycheck, else ~/.cache/theorycheck. Set THEORYCHECK_CACHE=off to disable.</summary>
    public static string? Directory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("THEORYCHECK_CACHE");
            if (env == "off") return null;
            if (!string.IsNullOrEmpty(env)) return env;
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".cache") : xdg, "theorycheck", "models");
        }
    }

    /// <summary>What decides trained weights besides the model's own config: the TorchSharp version, the torch thread count
    /// and the numeric policy (MKL_CBWR, ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA). Weights trained under another policy
    /// differ in the last bits, and a net near a bound can change its verdict with them.</summary>
    public static string RuntimeKey => $"torchsharp={TorchRuntime.TorchSharpVersion}|threads={TorchRuntime.Threads}|{TorchRuntime.NumericPolicy}";

    /// <summary>The key the cache and the manifest use: the caller's key with <see cref="RuntimeKey"/> appended, unless it ends
    /// with it already (the coin networks' keys do: tuning checkpoints name their network by that text). So a key written
    /// as the model's config alone (the guide's, the LR example's) cannot bring back weights trained under another policy,
    /// and a cold and a warm cache give the same verdict.</summary>
    public static string FullKey(string key) => key.EndsWith("|" + RuntimeKey, StringComparison.Ordinal) ? key : key + "|" + RuntimeKey;

    /// <summary>SHA-256 of the canonical key text (the full config: architecture, data, budget, seeds, versions).</summary>
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant()[..32];

    static readonly List<ModelRecord> used = new();

    /// <summary>Every model this process trained or loaded, in first-use order: the run manifest records them
    /// (the key is the model's full config, so a result can be traced to exactly the weights behind it).</summary>
    public static IReadOnlyList<ModelRecord> Used { get { lock (used) return used.ToArray(); } }

    static void Record(string key, bool fromCache)
    {
        lock (used)
            if (!used.Any(u => u.Key == key)) used.Add(new ModelRecord(Hash(key), key, fromCache));
    }

    /// <summary>
    /// Returns a model built by <paramref name="create"/> with weights from the cache, or trains it with
    /// <paramref name="train"/> and stores it. <paramref name="warn"/> hears about corrupt entries.
    /// </summary>
    public static TModel GetOrTrain<TModel>(string key, Func<TModel> create, Action<TModel> train,
                                            Action<string> warn, out bool fromCache, string? directory = null) where TModel : ICachedModel
    {
        TorchRuntime.Initialize();   // the runtime part of the key is read from the initialised policy
        key = FullKey(key);
        var model = create();
        fromCache = false;
        var dir = directory ?? Directory;
        if (dir == null) { train(model); Record(key, false); return model; }
        string hash = Hash(key), weights = Path.Combine(dir, hash + ".bin"), sum = weights + ".sha256";
        if (File.Exists(weights))
        {
            try
            {
                var bytes = File.ReadAllBytes(weights);
                string expected = File.Exists(sum) ? File.ReadAllText(sum).Trim() : "";
                if (expected != Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant())
                    throw new InvalidDataException("checksum mismatch");
                using var stream = new MemoryStream(bytes);
                model.Load(stream);
                fromCache = true;
                Record(key, true);
                return model;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or InvalidOperationException)
            {
                warn($"warning: cached model {weights} is corrupt ({e.Message}); retraining");
                model.Dispose();
                model = create();
            }
        }
        train(model);
        Store(model, dir, weights, sum, key, warn);
        Record(key, false);
        return model;
    }

    /// <summary>Stores trained weights; a cache that cannot be written (full disk, read-only folder, THEORYCHECK_CACHE naming a
    /// file) is warned about and skipped, never fatal: the model in memory is what the run uses.</summary>
    static void Store(ICachedModel model, string dir, string weights, string sum, string key, Action<string> warn)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        var bytes = buffer.ToArray();
        // Process-unique temp names: shards sharing one cache may train and store the same model at the same time.
        string tmp = $"{weights}.{Environment.ProcessId}.tmp", sumTmp = $"{sum}.{Environment.ProcessId}.tmp", keyTmp = $"{weights}.{Environment.ProcessId}.key.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(dir);
            File.WriteAllBytes(tmp, bytes);
            File.WriteAllText(sumTmp, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
            File.WriteAllText(keyTmp, key);
            File.Move(keyTmp, Path.ChangeExtension(weights, ".key.txt"), overwrite: true);
            // Weights before checksum: a reader that sees the new checksum with old weights would only retrain.
            File.Move(tmp, weights, overwrite: true);
            File.Move(sumTmp, sum, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var f in new[] { tmp, sumTmp, keyTmp })
                try { File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            warn($"warning: cannot store the trained model in the cache {dir} ({e.Message.Split('\n')[0]}); continuing without caching it");
        }
    }
}

/// <param name="Hash">The cache file name (32 hex digits of SHA-256 of the key).</param>
/// <param name="Key">The full config: architecture, data, budget, seeds, versions.</param>
public sealed record ModelRecord(string Hash, string Key, bool FromCache);
