using System.Net;
using System.Net.Sockets;

namespace GoldMiner.TestSupport;

/// <summary>
/// Where the server's build sits beside a tool's or a test's own build, and a free loopback port to
/// start it on. Compiled into GoldMiner.Tests and GoldMiner.LoadTest (linked, not referenced: the
/// load tool speaks only the wire protocol and references no GoldMiner project).
/// </summary>
internal static class LocalServerBuild
{
    /// <summary>
    /// GoldMiner.Server.dll (or another project's dll) of the same configuration and framework as
    /// the caller, which runs from &lt;project&gt;/bin/&lt;Configuration&gt;/&lt;framework&gt; in this repository.
    /// </summary>
    public static string ServerDll(string project = "GoldMiner.Server")
    {
        var callerOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(callerOutput);
        var configuration = Path.GetFileName(Path.GetDirectoryName(callerOutput)!);
        var root = Path.GetFullPath(Path.Combine(callerOutput, "..", "..", "..", ".."));
        return Path.Combine(root, project, "bin", configuration, framework, $"{project}.dll");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
