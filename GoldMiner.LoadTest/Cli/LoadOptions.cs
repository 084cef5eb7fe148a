using System.Globalization;

namespace GoldMiner.LoadTest.Cli;

/// <summary>The load test's mode.</summary>
public enum LoadMode
{
    /// <summary>Each bot digs the moment it learns it is its turn: throughput.</summary>
    Full,

    /// <summary>Each room digs at a set rate: latency with many rooms and sockets open.</summary>
    Paced,

    /// <summary>Idle joined sockets kept open: memory per socket.</summary>
    Hold,

    /// <summary>Full speed (or paced) at growing room counts, one short run each.</summary>
    Ramp,
}

/// <summary>Everything the command line can set. Every run is bounded: by duration, or by games for smoke.</summary>
public sealed class LoadOptions
{
    public LoadMode Mode { get; set; } = LoadMode.Full;

    /// <summary>The server to drive; null starts GoldMiner.Server.dll on a free loopback port.</summary>
    public Uri? Url { get; set; }

    /// <summary>The process id of an external server, so its CPU and memory can still be read from /proc.</summary>
    public int? ServerPid { get; set; }

    public string? ServerDll { get; set; }

    /// <summary>
    /// Where a started server keeps its SQLite journal: "file" (a temporary file, the durable
    /// default), "tmpfs" (a file in /dev/shm: the same SQLite work, but fsync costs nothing) or
    /// "memory" (a shared-cache in-memory database).
    /// </summary>
    public string Database { get; set; } = "file";

    public List<string> ServerArgs { get; } = [];

    /// <summary>Environment for the started server, e.g. DOTNET_gcServer=0 to try the workstation GC.</summary>
    public Dictionary<string, string> ServerEnvironment { get; } = [];

    public int Rooms { get; set; } = 100;

    public int Spectators { get; set; }

    public int Rows { get; set; } = 9;

    public int Cols { get; set; } = 9;

    public int Gold { get; set; } = 10;

    public string Rules { get; set; } = "classic";

    public TimeSpan DigInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After the warm-up, wait at most this long for a started server's JIT to settle (zero: do not wait). See <see cref="Target.TieredJit"/>.</summary>
    public TimeSpan JitSettleLimit { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>After the warm-up, wait at most this long until the rooms have turned over (zero: do not wait). See <see cref="Play.Turnover"/>.</summary>
    public TimeSpan TurnoverLimit { get; set; } = TimeSpan.FromMinutes(5);

    public int Sockets { get; set; } = 1000;

    public int ClientProcesses { get; set; } = 1;

    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int[] Levels { get; set; } = [1, 10, 100, 1000];

    public bool RampPaced { get; set; }

    public int Threads { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    public int SetupConcurrency { get; set; } = 64;

    /// <summary>MB the harness may allocate in a measured window before it collects (0: collect as usual). See <see cref="Metrics.HarnessCollections"/>.</summary>
    public int HarnessNoGcMb { get; set; } = 2048;

    public string? JsonPath { get; set; }

    /// <summary>Where to write every dig of a full or paced window, one CSV line each (<see cref="Metrics.DigLog"/>).</summary>
    public string? DigLogPath { get; set; }

    public bool Smoke { get; set; }

    /// <summary>Drive the bare relay (GoldMiner.Relay) with pairs of sockets instead of a GoldMiner server with games.</summary>
    public bool Relay { get; set; }

    /// <summary>Set on the child processes hold mode starts: no live display, JSON to the given file.</summary>
    public bool Worker { get; set; }

    public static string Usage => """
        GoldMiner.LoadTest: drives a GoldMiner server over the real protocol and measures it.

        usage: dotnet GoldMiner.LoadTest.dll <full|paced|hold|ramp> [options]
               dotnet GoldMiner.LoadTest.dll --smoke        (4 rooms, ~5 s; exit 1 on any violation)

        target   --url http://127.0.0.1:5080   drive a running server (loopback only)
                 --server-pid N                 read that server's CPU and RSS from /proc
                 (no --url: start GoldMiner.Server.dll on a free loopback port with generous limits)
                 --server-dll PATH              the server to start (default: beside this tool's build)
                 --db file|tmpfs|memory         SQLite journal on a temp file (default), on /dev/shm, or in memory
                 --server-arg ARG               extra argument for the started server (repeatable)
                 --server-env NAME=VALUE        environment for the started server (repeatable), e.g. DOTNET_gcServer=0
        play     --rooms N (100)  --spectators N per room (0)  --rows/--cols/--gold (9/9/10)  --rules classic|flags
                 --dig-interval 2s (paced)  --duration 30s  --warmup 5s  --threads N  --setup-concurrency 64
                 --turnover 5m: after the warm-up, wait up to this long until as many games have finished
                 as there are rooms, so a paced window measures rooms past their first game (0: do not wait)
                 --jit-settle 90s: after that, wait up to this long until the server's tiered JIT
                 has been idle for 3 s, so the window measures the steady state (0: do not wait)
                 --harness-no-gc MB (2048): the tool does not collect its own garbage in the window until
                 it has allocated this much (0: it collects as usual; its pauses then count as latency)
        hold     --sockets K (1000)  --client-processes P (1; each process holds K/P, ~19,000 fd per process here)
                 --ping-interval 15s  --duration 30s
        ramp     --levels 1,10,100,1000  --duration 20s per level  --paced (use paced instead of full speed)
        floor    --relay: full, paced or ramp against GoldMiner.Relay, a bare WebSocket relay on the same
                 stack (no game, no journal, no JSON): each room is a pair of sockets whose messages come
                 back to both, the size of a dig's broadcast. What the transport alone costs here.
        output   --json FILE
                 --dig-log FILE: every dig of a full or paced window (sent_ns,round_trip_us; the
                 monotonic clock ftrace uses with trace_clock mono), to line up with a scheduler trace
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message a person can act on.</summary>
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var i = 0;
        string Next(string name) => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
        for (; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "full" or "paced" or "hold" or "ramp" when i == 0:
                    options.Mode = Enum.Parse<LoadMode>(arg, ignoreCase: true);
                    break;
                case "--relay": options.Relay = true; break;
                case "--smoke":
                    options.Smoke = true;
                    options.Rooms = 4;
                    options.Spectators = 1;
                    options.Duration = TimeSpan.FromSeconds(4);
                    options.Warmup = TimeSpan.FromSeconds(1);
                    options.JitSettleLimit = TimeSpan.Zero;
                    options.TurnoverLimit = TimeSpan.Zero;
                    break;
                case "--url": options.Url = LoopbackOnly(new Uri(Next(arg))); break;
                case "--server-pid": options.ServerPid = Int(Next(arg), arg); break;
                case "--server-dll": options.ServerDll = Path.GetFullPath(Next(arg)); break;
                case "--db": options.Database = OneOf(Next(arg), arg, "file", "tmpfs", "memory"); break;
                case "--server-arg": options.ServerArgs.Add(Next(arg)); break;
                case "--server-env":
                    var pair = Next(arg).Split('=', 2);
                    options.ServerEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--server-env takes NAME=VALUE.");
                    break;
                case "--rooms": options.Rooms = Int(Next(arg), arg, 1); break;
                case "--spectators": options.Spectators = Int(Next(arg), arg, 0); break;
                case "--rows": options.Rows = Int(Next(arg), arg, 4); break;
                case "--cols": options.Cols = Int(Next(arg), arg, 4); break;
                case "--gold": options.Gold = Int(Next(arg), arg, 1); break;
                case "--rules": options.Rules = OneOf(Next(arg), arg, "classic", "flags"); break;
                case "--dig-interval": options.DigInterval = Time(Next(arg), arg); break;
                case "--duration": options.Duration = Time(Next(arg), arg); break;
                case "--warmup": options.Warmup = Time(Next(arg), arg, allowZero: true); break;
                case "--jit-settle": options.JitSettleLimit = Time(Next(arg), arg, allowZero: true); break;
                case "--turnover": options.TurnoverLimit = Time(Next(arg), arg, allowZero: true); break;
                case "--sockets": options.Sockets = Int(Next(arg), arg, 1); break;
                case "--client-processes": options.ClientProcesses = Int(Next(arg), arg, 1); break;
                case "--ping-interval": options.PingInterval = Time(Next(arg), arg); break;
                case "--levels": options.Levels = Next(arg).Split(',').Select(l => Int(l, arg, 1)).ToArray(); break;
                case "--paced": options.RampPaced = true; break;
                case "--threads": options.Threads = Int(Next(arg), arg, 1); break;
                case "--setup-concurrency": options.SetupConcurrency = Int(Next(arg), arg, 1); break;
                case "--harness-no-gc": options.HarnessNoGcMb = Int(Next(arg), arg, 0); break;
                case "--json": options.JsonPath = Next(arg); break;
                case "--dig-log": options.DigLogPath = Next(arg); break;
                case "--worker": options.Worker = true; break;
                default: throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }

        if (options.Relay)
        {
            // A relay pair is two sockets and nothing else: no spectators, no idle joined sockets to hold.
            options.Spectators = options.Mode == LoadMode.Hold
                ? throw new ArgumentException("--relay plays full, paced or ramp, not hold.")
                : 0;
        }

        if (options.DigLogPath is not null && options.Mode is not (LoadMode.Full or LoadMode.Paced))
        {
            throw new ArgumentException("--dig-log logs one full or paced window, not hold or ramp.");
        }

        // Every run stops by itself: nothing here may run for more than an hour.
        if (options.Duration > TimeSpan.FromHours(1) || options.Warmup > TimeSpan.FromMinutes(10) || options.JitSettleLimit > TimeSpan.FromMinutes(10) || options.TurnoverLimit > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("--duration is at most 1h, --warmup, --turnover and --jit-settle at most 10m.");
        }

        return options;
    }

    private static Uri LoopbackOnly(Uri url)
    {
        // A load test is an attack on anything but this machine: refuse every other address.
        var host = url.IdnHost;
        var loopback = host == "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
        return loopback && url.Scheme is "http" ? url : throw new ArgumentException($"--url must be http:// on a loopback address (127.0.0.0/8, ::1, localhost), not {url}.");
    }

    private static string OneOf(string text, string name, params string[] allowed) =>
        allowed.Contains(text) ? text : throw new ArgumentException($"{name} is one of {string.Join(", ", allowed)}, not '{text}'.");

    private static int Int(string text, string name, int min = int.MinValue) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{name} must be an integer of at least {min}, not '{text}'.");

    /// <summary>"30s", "2m", "500ms" or a plain number of seconds.</summary>
    private static TimeSpan Time(string text, string name, bool allowZero = false)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? TimeSpan.FromSeconds(value * unit)
            : throw new ArgumentException($"{name} must be a time such as 30s, 2m or 500ms, not '{text}'.");
    }
}
