// Thrown before any training when a claim's optional dataset is not on this machine. The message is one line naming the
// folder looked in and the exact install command; the CLI reports the claim as "not run", never as passing.
namespace TheoryCheck.Claims.Core;

/// <param name="Dataset">Human name, e.g. "Fashion-MNIST".</param>
/// <param name="Folder">The folder that was searched.</param>
/// <param name="InstallCommand">The exact command that installs the data, e.g. "sudo apt-get install dataset-fashion-mnist".</param>
/// <param name="Detail">What exactly is missing, e.g. one file name; shown in parentheses after the folder.</param>
/// <param name="Alternative">Another way to provide the data, shown after the install command.</param>
public sealed class MissingDatasetException(string dataset, string folder, string installCommand, string? detail = null, string? alternative = null)
    : ClaimNotRunException($"{dataset} not found in {folder}{(detail is null ? "" : $" ({detail})")}; install it with: {installCommand}" +
                           (alternative is null ? "" : $" ({alternative})"))
{
    public string Dataset { get; } = dataset;
    public string Folder { get; } = folder;
    public string InstallCommand { get; } = installCommand;
}
