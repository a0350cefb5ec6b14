// Claims from a user's own assembly: `--claims PATH.dll` (repeatable, on every command), else the "claims" list of a
// theorycheck.json in the working folder (paths relative to that file). Each assembly's public IClaimFamily classes are
// registered in the Catalog for this one command, so list, run, report, rerun, map and power treat them like built-in claims.
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using TheoryCheck.Claims;
using TheoryCheck.Claims.Core;

namespace TheoryCheck.Cli;

public static class ClaimAssemblies
{
    public const string OptionName = "--claims";
    public const string ConfigFile = "theorycheck.json";

    /// <summary>The assemblies to load: <paramref name="given"/> when any were given, else those theorycheck.json in
    /// <paramref name="folder"/> lists, else none.</summary>
    /// <exception cref="BadInputException">An unreadable or malformed theorycheck.json.</exception>
    public static IReadOnlyList<string> Paths(IReadOnlyList<string> given, string folder)
    {
        if (given.Count > 0) return given;
        string config = Path.Combine(folder, ConfigFile);
        if (!File.Exists(config)) return [];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(config));
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("claims", out var list)
                || list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw new BadInputException($"{config}: expected {{ \"claims\": [\"path/to/Claims.dll\", ...] }}");
            return list.EnumerateArray().Select(e => Path.GetFullPath(e.GetString()!, Path.GetDirectoryName(Path.GetFullPath(config))!)).ToArray();
        }
        catch (JsonException e) { throw new BadInputException($"{config} is not valid JSON: {e.Message.Split('\n')[0]}"); }
        catch (IOException e) { throw new BadInputException($"cannot read {config}: {e.Message}"); }
    }

    /// <summary>Loads every assembly and registers its claim families; disposing the result removes them from the Catalog.</summary>
    /// <exception cref="BadInputException">A missing or unloadable assembly, one without a claim family, or a clashing id.</exception>
    public static IDisposable Register(IReadOnlyList<string> paths)
    {
        var registrations = new List<IDisposable>();
        try
        {
            foreach (var path in paths)
                foreach (var family in Families(path))
                {
                    try { registrations.Add(Catalog.Register(family)); }
                    catch (ArgumentException e) { throw new BadInputException($"{OptionName} '{path}': {e.Message}"); }
                }
            return new All(registrations);
        }
        catch
        {
            new All(registrations).Dispose();
            throw;
        }
    }

    sealed class All(List<IDisposable> parts) : IDisposable
    {
        public void Dispose() { for (int i = parts.Count - 1; i >= 0; i--) parts[i].Dispose(); }
    }

    /// <summary>One instance of each public, concrete IClaimFamily class with a parameterless constructor in the assembly.</summary>
    static IReadOnlyList<IClaimFamily> Families(string path)
    {
        var assembly = Load(path);
        Type[] types;
        try { types = assembly.GetExportedTypes(); }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException)
        {
            string why = e is ReflectionTypeLoadException r && r.LoaderExceptions.FirstOrDefault(x => x != null) is { } first ? first.Message : e.Message;
            throw new BadInputException($"{OptionName} '{path}': cannot load its types ({why.Split('\n')[0]})");
        }
        var families = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IClaimFamily).IsAssignableFrom(t)
                                        && t.GetConstructor(Type.EmptyTypes) != null).ToArray();
        if (families.Length == 0)
            throw new BadInputException($"{OptionName} '{path}' declares no claim family (a public class implementing " +
                                        $"{typeof(IClaimFamily).FullName} with a parameterless constructor)");
        return families.Select(t =>
        {
            try { return (IClaimFamily)Activator.CreateInstance(t)!; }
            catch (TargetInvocationException e)
            {
                throw new BadInputException($"{OptionName} '{path}': constructing {t.FullName} failed: {e.InnerException?.Message.Split('\n')[0]}");
            }
        }).ToArray();
    }

    static Assembly Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new BadInputException($"{OptionName} '{path}': no such file");
        AssemblyName name;
        try { name = AssemblyName.GetAssemblyName(full); }
        catch (BadImageFormatException) { throw new BadInputException($"{OptionName} '{path}' is not a .NET assembly"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new BadInputException($"{OptionName} '{path}': cannot read it ({e.Message})"); }
        // Loaded before (an earlier command in this process, or the same library at another path): one copy per name, so the
        // claims' types stay the types the catalogue already holds.
        if (AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name)
                                                                       && a.GetName().Version == name.Version) is { } loaded)
            return loaded;
        ProbeBeside(Path.GetDirectoryName(full)!);
        try { return AssemblyLoadContext.Default.LoadFromAssemblyPath(full); }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException)
        {
            throw new BadInputException($"{OptionName} '{path}': cannot load it ({e.Message.Split('\n')[0]})");
        }
    }

    static readonly HashSet<string> ProbedFolders = [];

    /// <summary>The user's own dependencies (not TheoryCheck's, which are already loaded) resolve from the assembly's folder.</summary>
    static void ProbeBeside(string folder)
    {
        lock (ProbedFolders)
        {
            if (!ProbedFolders.Add(folder)) return;
            AssemblyLoadContext.Default.Resolving += (context, wanted) =>
            {
                string candidate = Path.Combine(folder, wanted.Name + ".dll");
                return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
            };
        }
    }
}
