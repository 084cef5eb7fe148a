using GoldMiner.LoadTest.Target;

namespace GoldMiner.LoadTest.Metrics;

/// <summary>Where the figures were taken: they mean little without it.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Os, string Runtime, string Server)
{
    public static MachineInfo Describe(string server)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        return new MachineInfo(Environment.ProcessorCount, cpu, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version.ToString(), server);
    }
}

/// <summary>The machine's 1, 5 and 15 minute load averages: how much else was running (a shared machine is noisy).</summary>
public static class LoadAverage
{
    public static string Now() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// <summary>The outcome of one full-speed or paced run.</summary>
public sealed record PlayResult(
    string Mode,
    int Rooms,
    int Spectators,
    string Board,
    double DigIntervalSeconds,
    int Sockets,
    int SocketsConnected,
    double SetupSeconds,
    double WarmupSeconds,
    double WindowSeconds,
    long Digs,
    double DigsPerSecond,
    long GamesFinished,
    long GamesVerified,
    LatencySummary RoundTrip,
    LatencySummary Opponent,
    LatencySummary HarnessTimerLag,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyDictionary<string, long> ConnectionFailures,
    IReadOnlyDictionary<string, long> Violations,
    IReadOnlyList<string> ViolationSamples,
    double? ServerCpuSeconds,
    double? ServerCpuPercent,
    double? DigsPerServerCpuSecond,
    double? ServerMicrosecondsPerDig,
    double? ServerRssStartMb,
    double? ServerRssEndMb,
    double? ServerPeakRssMb,
    IReadOnlyList<ThreadGroupUse> ServerThreads,
    double HarnessCpuSeconds,
    double HarnessCpuPercent,
    HarnessGcReport HarnessCollections,
    double BytesReceivedPerDig,
    double MessagesReceivedPerDig,
    string LoadAverage)
{
    public long ErrorCount => Errors.Values.Sum();

    public long ViolationCount => Violations.Values.Sum();

    public long ConnectionFailureCount => ConnectionFailures.Values.Sum();
}

/// <summary>The outcome of a hold run: how many idle sockets stayed open and alive, and what they cost.</summary>
public sealed record HoldResult(
    int Sockets,
    int Connected,
    int Alive,
    int ClientProcesses,
    double SetupSeconds,
    double HoldSeconds,
    IReadOnlyDictionary<string, long> ConnectionFailures,
    IReadOnlyDictionary<string, long> Errors,
    double? ServerIdleRssMb,
    double? ServerHoldRssMb,
    double? ServerPeakRssMb,
    double? KilobytesPerSocket,
    double? ServerCpuPercentWhileHolding,
    int? ServerOpenFiles,
    double HarnessCpuSeconds,
    string LoadAverage);

/// <summary>A ramp: one play run per room count, for the chart.</summary>
public sealed record RampResult(MachineInfo Machine, string Mode, double SecondsPerLevel, IReadOnlyList<PlayResult> Levels);

/// <summary>What --json writes: the machine, then the run.</summary>
public sealed record Report(MachineInfo Machine, DateTimeOffset At, object Result);
