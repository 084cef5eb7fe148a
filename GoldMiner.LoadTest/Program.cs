using GoldMiner.LoadTest.Cli;
using GoldMiner.LoadTest.Hold;
using GoldMiner.LoadTest.Metrics;
using GoldMiner.LoadTest.Play;
using GoldMiner.LoadTest.Report;
using GoldMiner.LoadTest.Target;

// Exit codes: 0 done and clean; 1 a verification violation (or, for --smoke, any error or no game);
// 2 bad arguments; 3 the server could not be started or reached.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (args.Length == 0)
{
    Console.WriteLine(LoadOptions.Usage);
    return 2;
}

// A log file or CI has no terminal width: use a width the summary tables fit in.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 140;
}

ThreadPool.GetMinThreads(out _, out var io);
ThreadPool.SetMinThreads(options.Threads, io);
if (options.Worker)
{
    LiveStatus.Quiet = true;
    return await HoldWorker.RunAsync(options);
}

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted.Cancel();
};

ServerUnderTest server;
try
{
    server = await ServerUnderTest.StartOrAttachAsync(options, interrupted.Token);
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

await using (server)
{
    var machine = MachineInfo.Describe(server.Description);
    LiveStatus.Say($"server: {server.Description}; client threads: {options.Threads}");
    try
    {
        switch (options.Mode)
        {
            case LoadMode.Hold:
                {
                    var result = await HoldRunner.RunAsync(options, server, interrupted.Token);
                    Summary.Print(machine, result);
                    Save(options, machine, result);
                    return result.Alive == result.Sockets ? 0 : 1;
                }

            case LoadMode.Ramp:
                {
                    var levels = new List<PlayResult>();
                    foreach (var rooms in options.Levels)
                    {
                        var level = await PlayRunner.RunAsync(options, server, rooms, options.RampPaced, interrupted.Token);
                        Summary.Print(machine, level);
                        levels.Add(level);
                    }

                    var ramp = new RampResult(machine, options.RampPaced ? "paced" : "full", options.Duration.TotalSeconds, levels);
                    Summary.Print(ramp);
                    if (options.JsonPath is { } path)
                    {
                        Summary.WriteJson(path, ramp);
                        LiveStatus.Say($"chart: cd GoldMiner.LoadTest/chart && npm ci && node ramp-chart.mjs {Path.GetFullPath(path)} ../../docs/images/ramp.svg");
                    }

                    return levels.Sum(l => l.ViolationCount) == 0 ? 0 : 1;
                }

            default:
                {
                    var result = await PlayRunner.RunAsync(options, server, options.Rooms, options.Mode == LoadMode.Paced, interrupted.Token);
                    Summary.Print(machine, result);
                    Save(options, machine, result);
                    if (options.Smoke)
                    {
                        // The smoke run is a test: any wrong answer, refused request or lost socket fails it.
                        var played = options.Relay ? result.Digs > 0 : result.GamesVerified > 0;
                        var clean = result.ViolationCount == 0 && result.ErrorCount == 0 && result.ConnectionFailureCount == 0 && played;
                        LiveStatus.Say(clean ? "smoke: passed" : "smoke: FAILED");
                        return clean ? 0 : 1;
                    }

                    return result.ViolationCount == 0 ? 0 : 1;
                }
        }
    }
    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
    {
        Console.Error.WriteLine("interrupted");
        return 130;
    }
    finally
    {
        if (server.HasExited)
        {
            Console.Error.WriteLine($"The server died during the run. Its output:\n{server.Output}");
        }
    }
}

static void Save(LoadOptions options, MachineInfo machine, object result)
{
    if (options.JsonPath is { } path)
    {
        Summary.WriteJson(path, new Report(machine, DateTimeOffset.UtcNow, result));
    }
}
