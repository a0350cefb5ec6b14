// Reading a JSON file this tool wrote (results.json, power.json): an unreadable file or invalid JSON becomes an
// InvalidDataException with a one-line message, which the commands turn into bad input (exit 2).
using System.Text.Json;

namespace TheoryCheck.Cli.Reporting;

public static class JsonFile
{
    /// <summary>How the side files of a run (power.json, map.json) are written and read: snake_case, indented, nulls left out,
    /// NaN and ±∞ as named literals.</summary>
    public static readonly JsonSerializerOptions SnakeCase = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <exception cref="InvalidDataException">The file cannot be read or is not valid JSON.</exception>
    public static T? Read<T>(string path, JsonSerializerOptions options)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new InvalidDataException($"cannot read {path}: {e.Message}"); }
        try { return JsonSerializer.Deserialize<T>(text, options); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON ({e.Message.Split('\n')[0]})"); }
    }
}
