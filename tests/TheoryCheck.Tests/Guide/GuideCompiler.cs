// Compiles C# sources in process with Roslyn against the assemblies this test host runs with (the framework, TheoryCheck's
// libraries, FsCheck, xunit): the C# blocks of docs/writing-a-claim.md, and small claim assemblies for the --claims tests.
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TheoryCheck.Tests.Guide;

public static class GuideCompiler
{
    /// <summary>What an SDK project's ImplicitUsings give every file (the guide's blocks rely on them, as a user's project would).</summary>
    const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq;";

    static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        var frameworkNames = framework.Select(Path.GetFileName).ToHashSet();
        var beside = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(p => !frameworkNames.Contains(Path.GetFileName(p)) && IsManaged(p));
        return framework.Where(IsManaged).Concat(beside).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    static bool IsManaged(string path)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            return pe.HasMetadata && pe.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException) { return false; }
    }

    /// <summary>The ```csharp blocks of a markdown file, in order.</summary>
    public static IReadOnlyList<string> CSharpBlocks(string markdown)
    {
        var blocks = new List<string>();
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            blocks.Add(string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
        return blocks;
    }

    /// <summary>Compiles <paramref name="sources"/> (one file each) to FOLDER/NAME.dll; the errors, empty on success.</summary>
    public static IReadOnlyList<string> Compile(string name, IEnumerable<string> sources, string folder, IEnumerable<string>? extraReferences = null)
    {
        var trees = sources.Prepend(ImplicitUsings).Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"block{i}.cs")).ToArray();
        var refs = References.Value.Concat((extraReferences ?? []).Select(p => MetadataReference.CreateFromFile(p)));
        var compilation = CSharpCompilation.Create(name, trees, refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Directory.CreateDirectory(folder);
        var result = compilation.Emit(Path.Combine(folder, name + ".dll"));
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
    }
}
