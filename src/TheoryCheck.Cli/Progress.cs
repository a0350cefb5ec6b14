// Where a command's progress goes. On a terminal: Spectre.Console bars, one per claim or table, with the training step,
// loss and ETA. Redirected (CI logs): plain lines, training-step lines throttled to one a second per task. Either way every
// task ends with an explicit final line (Spectre's redirected fallback never prints the 100 % state).
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace TheoryCheck.Cli;

public abstract partial class Progress
{
    /// <summary>Live bars only when <paramref name="log"/> is the real stderr and a terminal; tests and pipes get plain lines.</summary>
    public static Progress For(TextWriter log) =>
        ReferenceEquals(log, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb")
            ? new LiveProgress() : new PlainProgress(log);

    /// <summary>Runs the tasks; live bars are drawn while <paramref name="body"/> runs.</summary>
    public virtual void Run(Action body) => body();

    public abstract void Start(string task, string line);
    public abstract void Line(string task, string line);
    public abstract void Done(string task, string line);

    /// <summary>"step 120/600 loss 0.693" as logged by the trainers' progress callbacks.</summary>
    [GeneratedRegex(@"step (\d+)/(\d+)(?: loss ([-0-9.eE]+))?")]
    protected static partial Regex StepPattern();
}

sealed class PlainProgress(TextWriter log) : Progress
{
    static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    readonly Dictionary<string, Stopwatch> lastStep = new();

    public override void Start(string task, string line) => log.WriteLine(line);

    public override void Line(string task, string line)
    {
        var m = StepPattern().Match(line);
        if (m.Success && m.Groups[1].Value != m.Groups[2].Value)
        {
            if (lastStep.TryGetValue(task, out var clock) && clock.Elapsed < Every) return;
            lastStep[task] = Stopwatch.StartNew();
        }
        log.WriteLine(line);
    }

    public override void Done(string task, string line) { lastStep.Remove(task); log.WriteLine(line); }
}

sealed class LiveProgress : Progress
{
    readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    ProgressContext? ctx;
    readonly Dictionary<string, ProgressTask> tasks = new();

    public override void Run(Action body) =>
        console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(c => { ctx = c; try { body(); } finally { ctx = null; } });

    public override void Start(string task, string line)
    {
        if (ctx is null) { console.WriteLine(line); return; }
        var t = ctx.AddTask(Markup.Escape(task), maxValue: 1);
        t.IsIndeterminate = true;
        tasks[task] = t;
    }

    public override void Line(string task, string line)
    {
        var m = StepPattern().Match(line);
        if (m.Success && tasks.TryGetValue(task, out var t))
        {
            t.IsIndeterminate = false;
            t.MaxValue = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            t.Value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            t.Description = Markup.Escape(m.Groups[3].Success ? $"{task} loss {m.Groups[3].Value}" : task);
            return;
        }
        console.WriteLine(line);
    }

    public override void Done(string task, string line)
    {
        if (tasks.Remove(task, out var t))
        {
            t.IsIndeterminate = false;
            t.Value = t.MaxValue;
            t.Description = Markup.Escape(task);
            t.StopTask();
        }
        console.WriteLine(line);
    }
}
