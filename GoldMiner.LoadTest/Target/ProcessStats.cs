using System.Globalization;
using System.Runtime.InteropServices;

namespace GoldMiner.LoadTest.Target;

/// <summary>One reading of a process from /proc: CPU seconds so far, resident memory, open descriptors.</summary>
public readonly record struct ProcessSample(double CpuSeconds, long RssBytes, long PeakRssBytes, int Threads, int OpenFiles)
{
    /// <summary>Reads /proc/<paramref name="pid"/>; null when the process is gone or /proc is not there.</summary>
    public static ProcessSample? Read(int pid, bool countFiles = false)
    {
        try
        {
            var cpu = CpuSecondsOf(File.ReadAllText($"/proc/{pid}/stat"));
            long rss = 0, peak = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = StatusNumber(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = StatusNumber(line) * 1024;
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = (int)StatusNumber(line);
                }
            }

            var files = countFiles ? Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Count() : 0;
            return new ProcessSample(cpu, rss, peak, threads, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>User + system CPU seconds from the text of a /proc stat file (a process's or one of its threads').</summary>
    /// <exception cref="FormatException">The text is not a stat file (or <see cref="IndexOutOfRangeException"/>, cut short).</exception>
    internal static double CpuSecondsOf(string stat)
    {
        // Fields after the command name, which may itself hold spaces and parentheses: utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / (double)ClockTicksPerSecond;
    }

    private static long ClockTicksPerSecond { get; } = OperatingSystem.IsLinux() ? Math.Max(1, SysConf(ScClkTck)) : 100;

    private const int ScClkTck = 2;

    /// <summary>The number after the name in a line of a /proc status file ("VmRSS:  1234 kB", "voluntary_ctxt_switches:\t56").</summary>
    internal static long StatusNumber(string line) =>
        long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    [DllImport("libc.so.6", EntryPoint = "sysconf")]
    private static extern long SysConf(int name);
}
