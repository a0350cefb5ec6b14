// Pieces of a claim's work saved as they finish, so that `run --resume` continues a killed claim where it stopped and not at
// its start: a paper-scale PT claim is hours of tuning runs, and a run's results.partial.json holds finished claims only.
// One folder per run (DIR/runs.partial beside results.partial.json, which already pins scale, seed, selection and --arch);
// each piece's key names everything else it depends on. A piece read back is bit for bit the piece that was computed, so a
// resumed claim's verdict is the uninterrupted one's. The folder goes when the run finishes.
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TheoryCheck.Claims.Snapshots;

namespace TheoryCheck.Claims.Core;

/// <param name="warn">Hears about a checkpoint that cannot be read (it is then computed again) or saved (a later resume then
/// computes it again); neither stops the run.</param>
public sealed class Checkpoints(string folder, Action<string> warn)
{
    /// <summary>The folder's name inside a run's --out folder.</summary>
    public const string FolderName = "runs.partial";

    public string Folder { get; } = folder;

    /// <summary>Pieces read back instead of computed, in this process.</summary>
    public int Loaded => loaded;
    int loaded;

    /// <summary>The piece saved under <paramref name="key"/>, else <paramref name="compute"/>'s value, saved before it is returned.</summary>
    public T GetOrCompute<T>(string key, Func<T> compute, Func<T, JsonNode> save, Func<JsonNode, T> load)
    {
        string path = PathOf(key);
        if (File.Exists(path))
        {
            try
            {
                var node = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException("it is empty");
                if ((string?)node["key"] != key) throw new InvalidDataException("it holds another piece's key");
                var value = load(node["value"] ?? throw new InvalidDataException("it has no value"));
                Interlocked.Increment(ref loaded);
                return value;
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException
                                           or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                warn($"warning: checkpoint {path} cannot be read ({e.Message}); computing it again");
            }
        }
        var computed = compute();
        try { AtomicFile.WriteText(path, new JsonObject { ["key"] = key, ["value"] = save(computed) }.ToJsonString()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"warning: checkpoint {path} could not be saved ({e.Message}); a resumed run would compute it again");
        }
        return computed;
    }

    /// <summary>A hash names the file: keys hold arrows, spaces and colons that not every file system takes.</summary>
    public string PathOf(string key) =>
        Path.Combine(Folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24] + ".json");

    /// <summary>Doubles as their exact bits (little-endian IEEE 754, base64): decimal text would cost three times the bytes
    /// of a paper run's per-sequence regrets, and a round trip through it must not be taken on trust.</summary>
    public static JsonNode Bits(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return JsonValue.Create(Convert.ToBase64String(bytes));
    }

    public static double[] FromBits(JsonNode? node)
    {
        var bytes = Convert.FromBase64String((string?)node ?? throw new InvalidDataException("a number array is missing"));
        if (bytes.Length % sizeof(double) != 0) throw new InvalidDataException("a number array is cut short");
        var values = new double[bytes.Length / sizeof(double)];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return values;
    }
}
