// Reader for Fashion-MNIST (Xiao, Rasul, Vollgraf 2017) in its standard gzipped IDX files, as the Debian package
// dataset-fashion-mnist installs them. Only reads bytes: no embedding, no task (see ContextualImages.cs).
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Claims.Attention;

/// <summary>
/// One split: <c>Count</c> grey images of <c>Rows × Cols</c> bytes (0 = background, 255 = ink), row-major and
/// concatenated in <c>Pixels</c>, and their class labels 0…9 (<see cref="FashionMnist.ClassNames"/>).
/// </summary>
public sealed record FashionMnistSplit(string Name, byte[] Pixels, byte[] Labels, int Rows, int Cols)
{
    public int Count => Labels.Length;
    public int PixelsPerImage => Rows * Cols;

    /// <summary>The bytes of image <paramref name="i"/> (0 ≤ i &lt; Count), length Rows·Cols.</summary>
    public ReadOnlySpan<byte> Image(int i) => Pixels.AsSpan(i * PixelsPerImage, PixelsPerImage);

    /// <summary>Indices of the images of each class, [class][k].</summary>
    public int[][] IndicesByClass() =>
        Enumerable.Range(0, FashionMnist.ClassCount).Select(c => Enumerable.Range(0, Count).Where(i => Labels[i] == c).ToArray()).ToArray();
}

public static class FashionMnist
{
    /// <summary>Environment variable naming a folder that holds the four .gz files (overrides <see cref="DefaultFolder"/>).</summary>
    public const string FolderVariable = "THEORYCHECK_FASHION_MNIST";
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";
    public const string InstallCommand = "sudo apt-get install dataset-fashion-mnist";
    public const int ClassCount = 10;

    /// <summary>Short catalogue names of the ten classes, in label order (0 = T-shirt/top … 9 = ankle boot).</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        new[] { "tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot" };

    /// <summary>The two splits and their file stems: train (60,000 images) and t10k (10,000).</summary>
    public static IReadOnlyList<string> Splits { get; } = new[] { "train", "t10k" };

    public static string ImagesFile(string split) => $"{split}-images-idx3-ubyte.gz";
    public static string LabelsFile(string split) => $"{split}-labels-idx1-ubyte.gz";

    /// <summary>THEORYCHECK_FASHION_MNIST if set, else the Debian package's folder.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } f ? f : DefaultFolder;

    /// <summary>True when all four files are in <see cref="Folder"/> (their contents are checked on load).</summary>
    public static bool Available => MissingFiles(Folder).Count == 0;

    static IReadOnlyList<string> MissingFiles(string folder) =>
        Splits.SelectMany(s => new[] { ImagesFile(s), LabelsFile(s) }).Where(f => !File.Exists(Path.Combine(folder, f))).ToArray();

    /// <summary>Throws <see cref="MissingDatasetException"/> (one line: folder and install command) unless the files are there.</summary>
    /// <param name="folder">The folder to check; default <see cref="Folder"/>.</param>
    public static void EnsureAvailable(string? folder = null)
    {
        folder ??= Folder;
        var missing = MissingFiles(folder);
        if (missing.Count > 0)
            throw new MissingDatasetException("Fashion-MNIST", folder, InstallCommand,
                missing.Count == 4 ? null : "missing " + string.Join(", ", missing),
                $"or set {FolderVariable} to a folder holding its four IDX .gz files");
    }

    // Immutable splits, read once per process and folder (≈ 55 MB for both); nothing in them is ever written.
    static readonly ConcurrentDictionary<(string Folder, string Split), Lazy<FashionMnistSplit>> Cache = new();

    /// <summary>Loads "train" or "t10k" from <see cref="Folder"/> (cached).</summary>
    /// <exception cref="MissingDatasetException">A file is absent.</exception>
    /// <exception cref="InvalidDataException">A file is not a valid gzipped IDX file of the expected shape (one-line message).</exception>
    public static FashionMnistSplit Load(string split)
    {
        if (!Splits.Contains(split)) throw new ArgumentException($"unknown Fashion-MNIST split '{split}' (expected train or t10k)");
        EnsureAvailable();
        string folder = Folder;
        var lazy = Cache.GetOrAdd((folder, split), k => new Lazy<FashionMnistSplit>(() => Read(k.Folder, k.Split)));
        try { return lazy.Value; }
        catch { Cache.TryRemove(new KeyValuePair<(string, string), Lazy<FashionMnistSplit>>((folder, split), lazy)); throw; }
    }

    static FashionMnistSplit Read(string folder, string split)
    {
        string imagesPath = Path.Combine(folder, ImagesFile(split)), labelsPath = Path.Combine(folder, LabelsFile(split));
        var (imageDims, pixels) = ReadIdx(imagesPath, 3);
        var (labelDims, labels) = ReadIdx(labelsPath, 1);
        if (imageDims[0] != labelDims[0])
            throw new InvalidDataException($"{imagesPath}: {imageDims[0]} images but {labelsPath} has {labelDims[0]} labels");
        int bad = Array.FindIndex(labels, l => l >= ClassCount);
        if (bad >= 0) throw new InvalidDataException($"{labelsPath}: label {labels[bad]} at index {bad} is not a class 0-9");
        return new FashionMnistSplit(split, pixels, labels, imageDims[1], imageDims[2]);
    }

    /// <summary>Reads a gzipped IDX file of unsigned bytes with <paramref name="dims"/> dimensions (3: images, 1: labels).</summary>
    public static (int[] Dims, byte[] Data) ReadIdx(string path, int dims)
    {
        using var file = File.OpenRead(path);
        return ReadIdx(file, path, dims);
    }

    /// <summary>
    /// IDX layout: magic 00 00 08 nd (08 = unsigned byte, nd = number of dimensions), nd big-endian int32 sizes, then the
    /// bytes in row-major order. Example: a labels file starts 00 00 08 01 | 00 00 EA 60 (60,000 labels).
    /// </summary>
    /// <param name="name">The file's path, for messages only.</param>
    /// <exception cref="InvalidDataException">One line naming the file and what is wrong with it.</exception>
    public static (int[] Dims, byte[] Data) ReadIdx(Stream gzipped, string name, int dims)
    {
        try
        {
            using var gz = new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true);
            var header = new byte[4 + 4 * dims];
            ReadExactly(gz, header, name, "header");
            uint magic = BinaryPrimitives.ReadUInt32BigEndian(header);
            uint expected = 0x0800u | (uint)dims;
            if (magic != expected)
                throw Corrupt(name, $"magic 0x{magic:X8}, expected 0x{expected:X8} (unsigned bytes, {dims} dimension{(dims == 1 ? "" : "s")})");
            var size = new int[dims];
            long total = 1;
            for (int k = 0; k < dims; k++)
            {
                size[k] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 + 4 * k));
                if (size[k] <= 0) throw Corrupt(name, $"dimension {k} has size {size[k]}");
                total *= size[k];
            }
            if (total > Array.MaxLength) throw Corrupt(name, $"{total} bytes declared");
            var data = new byte[total];
            ReadExactly(gz, data, name, "data");
            if (gz.ReadByte() != -1) throw Corrupt(name, $"data continue past the {total} bytes the header declares");
            return (size, data);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw Corrupt(name, "not a valid gzip stream: " + e.Message.ReplaceLineEndings(" "));
        }
    }

    static void ReadExactly(Stream s, byte[] buffer, string name, string what)
    {
        int got = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (got < buffer.Length) throw Corrupt(name, $"truncated: {got} of {buffer.Length} bytes of the {what}");
    }

    static InvalidDataException Corrupt(string name, string why) =>
        new($"{name}: corrupt Fashion-MNIST IDX file ({why}); reinstall with: sudo apt-get install --reinstall dataset-fashion-mnist");
}
