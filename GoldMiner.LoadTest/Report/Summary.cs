using System.Globalization;
using System.Text.Json;
using GoldMiner.LoadTest.Metrics;
using GoldMiner.LoadTest.Target;
using Spectre.Console;

namespace GoldMiner.LoadTest.Report;

/// <summary>The tables printed at the end of a run, and the JSON written for machines.</summary>
public static class Summary
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Print(MachineInfo machine, PlayResult r)
    {
        var table = Table($"{r.Mode} - {r.Rooms} rooms x (2 players + {r.Spectators} spectators), {r.Board}");
        Row(table, "machine", $"{machine.Cores} cores, {machine.Cpu}; {machine.Server}");
        Row(table, "sockets", $"{r.SocketsConnected}/{r.Sockets} connected in {r.SetupSeconds:0.0} s");
        Row(table, "warm-up (until the rooms turned over and the server's JIT settled)", $"{r.WarmupSeconds:0.0} s");
        Row(table, "window", $"{r.WindowSeconds:0.0} s (load average at the end {r.LoadAverage})");
        Row(table, "digs", $"{r.Digs:N0} ({r.DigsPerSecond:N0}/s)");
        Row(table, "games finished / verified (whole run)", $"{r.GamesFinished:N0} / {r.GamesVerified:N0}");
        Row(table, "dig round trip ms p50/p90/p99/p99.9/max", Latency(r.RoundTrip));
        Row(table, "opponent latency ms p50/p90/p99/p99.9/max", Latency(r.Opponent));
        if (r.HarnessTimerLag.Count > 0)
        {
            Row(table, "harness timer lag ms p50/p90/p99/p99.9/max", Latency(r.HarnessTimerLag));
        }

        Row(table, "server CPU", r.ServerCpuSeconds is { } cpu ? $"{cpu:0.00} s ({r.ServerCpuPercent:0}% of one core)" : "unknown (no pid)");
        Row(table, "digs per server CPU-second", r.DigsPerServerCpuSecond is { } d ? $"{d:N0} ({r.ServerMicrosecondsPerDig:0.0} µs/dig)" : "-");
        Row(table, "server threads (how many): CPU per dig, sleeps, preemptions", Threads(r.ServerThreads));
        Row(table, "server RSS start/end/peak", r.ServerRssEndMb is { } end ? $"{r.ServerRssStartMb:0} / {end:0} / {r.ServerPeakRssMb:0} MB" : "-");
        Row(table, "harness CPU", $"{r.HarnessCpuSeconds:0.00} s ({r.HarnessCpuPercent:0}% of one core)");
        Row(table, "harness collections in the window", r.HarnessCollections.ToString());
        Row(table, "received per dig", $"{r.BytesReceivedPerDig:0} bytes in {r.MessagesReceivedPerDig:0.00} messages");
        Row(table, "errors", Counts(r.Errors));
        Row(table, "connection failures", Counts(r.ConnectionFailures));
        Row(table, "verification violations", Counts(r.Violations));
        AnsiConsole.Write(table);
        foreach (var sample in r.ViolationSamples.Take(10))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(sample)}[/]");
        }
    }

    public static void Print(MachineInfo machine, HoldResult r)
    {
        var table = Table($"hold - {r.Sockets} idle joined sockets over {r.ClientProcesses} client process(es)");
        Row(table, "machine", $"{machine.Cores} cores, {machine.Cpu}; {machine.Server}");
        Row(table, "connected / alive at the end", $"{r.Connected:N0} / {r.Alive:N0} (setup {r.SetupSeconds:0.0} s, held {r.HoldSeconds:0} s)");
        Row(table, "server RSS idle / holding / peak", $"{r.ServerIdleRssMb:0.0} / {r.ServerHoldRssMb:0.0} / {r.ServerPeakRssMb:0.0} MB");
        Row(table, "KB per socket", r.KilobytesPerSocket?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-");
        Row(table, "server CPU while holding", r.ServerCpuPercentWhileHolding is { } c ? $"{c:0.0}% of one core" : "-");
        Row(table, "server open descriptors", r.ServerOpenFiles?.ToString(CultureInfo.InvariantCulture) ?? "-");
        Row(table, "harness CPU (all processes)", $"{r.HarnessCpuSeconds:0.00} s");
        Row(table, "load average at the end", r.LoadAverage);
        Row(table, "errors", Counts(r.Errors));
        Row(table, "connection failures", Counts(r.ConnectionFailures));
        AnsiConsole.Write(table);
    }

    public static void Print(RampResult ramp)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]ramp ({Markup.Escape(ramp.Mode)}, {ramp.SecondsPerLevel:0} s per level)[/]");
        foreach (var column in new[] { "rooms", "digs/s", "rtt p50", "rtt p99", "opp p99", "digs/server CPU-s", "server CPU", "harness CPU", "errors", "violations" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in ramp.Levels)
        {
            table.AddRow(
                r.Rooms.ToString("N0", CultureInfo.InvariantCulture),
                r.DigsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                $"{r.RoundTrip.P50Ms:0.00}",
                $"{r.RoundTrip.P99Ms:0.00}",
                $"{r.Opponent.P99Ms:0.00}",
                r.DigsPerServerCpuSecond?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                r.ServerCpuPercent is { } c ? $"{c:0}%" : "-",
                $"{r.HarnessCpuPercent:0}%",
                r.ErrorCount.ToString(CultureInfo.InvariantCulture),
                r.ViolationCount.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    public static void WriteJson(string path, object value)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(value, Json));
        AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/]");
    }

    private static Table Table(string title) =>
        new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]").AddColumn("measure").AddColumn("value");

    private static void Row(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));

    private static string Latency(LatencySummary l) =>
        l.Count == 0 ? "-" : $"{l.P50Ms:0.00} / {l.P90Ms:0.00} / {l.P99Ms:0.00} / {l.P999Ms:0.00} / {l.MaxMs:0.00}  (n={l.Count:N0})";

    /// <summary>The groups that took at least 2% of the server's CPU in the window; the JSON has them all.</summary>
    private static string Threads(IReadOnlyList<ThreadGroupUse> groups)
    {
        var total = groups.Sum(g => g.CpuSeconds);
        var shown = groups
            .Where(g => total > 0 && g.CpuSeconds >= 0.02 * total)
            .Select(g => $"{g.Name} ({g.Threads}): {g.MicrosecondsPerDig:0.0} µs/dig, sleeps {g.SleepsPerSecond:N0}/s, preempted {g.PreemptionsPerSecond:N0}/s");
        return groups.Count == 0 ? "unknown (no pid)" : string.Join(Environment.NewLine, shown);
    }

    private static string Counts(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}"));
}
