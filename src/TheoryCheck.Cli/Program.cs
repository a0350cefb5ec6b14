// The `theorycheck` command: list, run (report, shard, resume), report, merge, rerun, tables, accept, bench, power. See Commands.cs.
using TheoryCheck.Cli;

// First of all: start again with the heap tunable glibc only reads at process start (HeapRelaunch says why).
if (HeapRelaunch.Run(args) is { } childExit) return childExit;
HeapRelaunch.EndWithParent();
return Commands.Invoke(args, Console.Out, Console.Error);
