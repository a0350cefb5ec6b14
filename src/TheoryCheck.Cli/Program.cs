// The `theorycheck` command: list claims, run them (markdown table + results.json), accept snapshots.
using TheoryCheck.Cli;

return Commands.Invoke(args, Console.Out, Console.Error);
