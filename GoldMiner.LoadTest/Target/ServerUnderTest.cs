using System.Diagnostics;
using System.Globalization;
using System.Text;
using GoldMiner.LoadTest.Cli;
using GoldMiner.TestSupport;

namespace GoldMiner.LoadTest.Target;

/// <summary>
/// The server being measured: one the tool started itself (a child process on a free loopback
/// port, killed at the end) or one already running at a URL, optionally with its pid for /proc.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process? process;
    private readonly string? databasePath;
    private readonly StringBuilder output = new();

    private ServerUnderTest(Uri baseAddress, int? pid, Process? process, string? databasePath, string description)
    {
        BaseAddress = baseAddress;
        Pid = pid;
        this.process = process;
        this.databasePath = databasePath;
        Description = description;
    }

    public Uri BaseAddress { get; }

    public Uri SocketAddress => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri;

    /// <summary>The server's process id when it is on this machine and known, for /proc readings.</summary>
    public int? Pid { get; }

    public string Description { get; }

    /// <summary>What a started server printed (warnings and errors only, by the log level it is given).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>True when the server this tool started has died: its output then says why.</summary>
    public bool HasExited => process is { HasExited: true };

    public ProcessSample? Sample(bool countFiles = false) => Pid is { } pid ? ProcessSample.Read(pid, countFiles) : null;

    public static async Task<ServerUnderTest> StartOrAttachAsync(LoadOptions options, CancellationToken cancellation)
    {
        if (options.Url is { } url)
        {
            var attached = new ServerUnderTest(url, options.ServerPid, null, null, $"running server at {url}");
            await attached.WaitUntilHealthyAsync(TimeSpan.FromSeconds(10), cancellation);
            return attached;
        }

        var dll = options.ServerDll ?? LocalServerBuild.ServerDll(options.Relay ? "GoldMiner.Relay" : "GoldMiner.Server");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No server at {dll}: build it first (dotnet build -c Release {Path.GetFileNameWithoutExtension(dll)}) or pass --server-dll.");
        }

        var address = new Uri($"http://127.0.0.1:{LocalServerBuild.FreePort()}");
        // A memory database still has its journal log beside its name (the log is what makes a dig
        // durable): in memory, so that it is in /dev/shm.
        var database = options.Database switch
        {
            "memory" or "tmpfs" => Path.Combine("/dev/shm", $"goldminer-load-{Guid.NewGuid():N}.db"),
            _ => Path.Combine(Path.GetTempPath(), $"goldminer-load-{Guid.NewGuid():N}.db"),
        };
        var connection = options.Database == "memory" ? $"Data Source={database};Mode=Memory;Cache=Shared" : $"Data Source={database}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", address.ToString(),
            $"--ConnectionStrings:GoldMiner={connection}",

            // The load comes from one address at rates no person reaches; the abuse limits would
            // measure themselves instead of the server. Finished rooms are swept quickly so a long
            // run does not hit MaxRooms with games nobody is in any more.
            "--GoldMiner:Limits:RoomsPerMinutePerAddress=1000000",
            "--GoldMiner:Limits:MessagesPerSecond=1000000",
            "--GoldMiner:Limits:MessageBurst=1000000",
            "--GoldMiner:Limits:MaxRooms=1000000",
            "--GoldMiner:FinishedRoomSeconds=10",
            "--GoldMiner:CleanupIntervalSeconds=5",
            "--Logging:LogLevel:Default=Warning",
        }.Concat(options.ServerArgs))
        {
            start.ArgumentList.Add(argument);
        }

        // The tool's own GC settings (a big gen 0 for a run with thousands of sockets, see
        // docs/performance.md) are for the tool: the server runs with its defaults unless told.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in options.ServerEnvironment)
        {
            start.Environment[name] = value;
        }

        var child = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var configuration = BuildConfiguration.Of(dll) is "Release" ? "Release" : "not Release: figures are not representative";
        var server = new ServerUnderTest(address, child.Id, child, database, $"started {Path.GetFileName(dll)} ({configuration}, {(options.Relay ? "bare relay" : $"journal: SQLite {options.Database}")}, pid {child.Id}{string.Concat(options.ServerEnvironment.Select(e => $", {e.Key}={e.Value}"))}) at {address}");
        child.OutputDataReceived += (_, e) => server.Append(e.Data);
        child.ErrorDataReceived += (_, e) => server.Append(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), cancellation);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                // SIGTERM first so the journal closes cleanly, then no mercy.
                _ = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit(5000);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            process.Dispose();
        }

        if (databasePath is not null)
        {
            foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
            {
                File.Delete(file);
            }

            if (Directory.Exists(databasePath + "-log"))
            {
                Directory.Delete(databasePath + "-log", recursive: true);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan patience, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz", cancellation);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                // Not listening yet: ask again shortly.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server at {BaseAddress} did not become healthy within {patience.TotalSeconds:0} s.\n{Output}");
            }

            await Task.Delay(200, cancellation);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the head of a noisy log, not all of it.
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }
}
