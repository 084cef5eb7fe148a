using System.Globalization;

namespace GoldMiner.Server.Connections;

/// <summary>How many files (sockets included) this process may hold open, where the OS says.</summary>
public static class OpenFileLimit
{
    /// <summary>
    /// The soft RLIMIT_NOFILE from /proc/self/limits (the .NET runtime raises it to the hard limit at
    /// start), or null where there is no such file or no limit.
    /// </summary>
    public static long? Read()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path))
        {
            return null;
        }

        // "Max open files            20000                20000                files"
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : null;
    }
}
