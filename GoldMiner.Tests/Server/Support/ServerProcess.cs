using System.Diagnostics;
using System.Text;
using GoldMiner.TestSupport;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// GoldMiner.Server as an operator runs it: a separate process on a loopback port, with its own
/// database file. Unlike the in-process test server, this one can be killed hard (SIGKILL).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TestClient.Patience };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public Uri SocketAddress => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri;

    public HttpClient Http { get; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
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

    /// <summary>Starts the server on <paramref name="databasePath"/> without waiting for it to be ready.</summary>
    public static ServerProcess Start(string databasePath, params string[] extraArguments) =>
        Start(databasePath, openFileLimit: null, extraArguments);

    /// <summary>Starts the server under `ulimit -n <paramref name="openFileLimit"/>` (when given).</summary>
    public static ServerProcess Start(string databasePath, int? openFileLimit, params string[] extraArguments)
    {
        var dll = LocalServerBuild.ServerDll();
        var address = new Uri($"http://127.0.0.1:{LocalServerBuild.FreePort()}");
        var start = new ProcessStartInfo(openFileLimit is null ? "dotnet" : "bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        if (openFileLimit is { } limit)
        {
            foreach (var argument in new[] { "-c", $"ulimit -n {limit} && exec dotnet \"$@\"", "goldminer" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[]
        {
            dll, "--urls", address.ToString(),
            $"--ConnectionStrings:GoldMiner=Data Source={databasePath}",
            "--GoldMiner:Limits:RoomsPerMinutePerAddress=10000",
            "--GoldMiner:Limits:MessagesPerSecond=1000",
            "--GoldMiner:Limits:MessageBurst=1000",
        }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        return new ServerProcess(Process.Start(start)!, address);
    }

    /// <summary>Starts the server and waits until /healthz answers.</summary>
    public static async Task<ServerProcess> StartReadyAsync(string databasePath, params string[] extraArguments)
    {
        var server = Start(databasePath, extraArguments);
        await server.WaitUntilReadyAsync();
        return server;
    }

    public Task<TestClient> ConnectAsync() => TestClient.ConnectAsync(SocketAddress);

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: ask again once the process has had a moment.
                await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMilliseconds(200)).Token)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        throw new TimeoutException($"The server did not become healthy:\n{Output}");
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer.</summary>
    public async Task KillHardAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: what a service manager sends to stop the server gracefully.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            await KillHardAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
