// The `theorycheck` command: list, run (report, shard, resume), report, merge, rerun, tables, accept, bench, power. See Commands.cs.
using TheoryCheck.Cli;

return Commands.Invoke(args, Console.Out, Console.Error);
