using Spectre.Console;

namespace GoldMiner.LoadTest.Report;

/// <summary>
/// Progress while a phase runs: a live Spectre.Console table on a terminal, a plain line every few
/// seconds when the output is a file or a pipe (so CI logs stay readable).
/// </summary>
public static class LiveStatus
{
    public static bool Quiet { get; set; }

    public static async Task ShowWhileAsync(string title, Task work, Func<IReadOnlyList<(string Name, string Value)>> snapshot)
    {
        if (Quiet)
        {
            await work;
            return;
        }

        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var started = DateTime.UtcNow;
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(5)));
                var line = string.Join("  ", snapshot().Select(s => $"{s.Name} {s.Value}"));
                Console.WriteLine($"[{(DateTime.UtcNow - started).TotalSeconds,4:0}s] {title}: {line}");
            }

            await work;
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        var first = snapshot();
        foreach (var (name, _) in first)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        table.AddRow(first.Select(s => Markup.Escape(s.Value)).ToArray());
        await AnsiConsole.Live(table).AutoClear(false).StartAsync(async context =>
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(1)));
                var values = snapshot();
                for (var i = 0; i < values.Count && i < table.Columns.Count; i++)
                {
                    table.UpdateCell(0, i, Markup.Escape(values[i].Value));
                }

                context.Refresh();
            }
        });
        await work;
    }

    public static void Say(string text)
    {
        if (!Quiet)
        {
            AnsiConsole.MarkupLine(Markup.Escape(text));
        }
    }
}
