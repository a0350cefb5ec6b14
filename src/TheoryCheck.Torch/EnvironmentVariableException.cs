// One error type for a bad environment variable, so every entry point turns it into one line (CLI: exit 2; tests: a
// failing test that names the variable) instead of a stack trace.
namespace TheoryCheck.Torch;

/// <summary>An environment variable the tool reads holds a value it cannot use. The message names the variable, the value
/// and what is allowed, in one line.</summary>
public sealed class EnvironmentVariableException(string variable, string value, string expected)
    : ArgumentException($"environment variable {variable}='{value}' is not valid: expected {expected}")
{
    public string Variable { get; } = variable;
}
