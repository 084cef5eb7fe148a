using System.Diagnostics;
using GoldMiner.LoadTest.Cli;
using GoldMiner.LoadTest.Clients;
using GoldMiner.LoadTest.Metrics;

namespace GoldMiner.LoadTest.Play;

/// <summary>What every room of one play run shares.</summary>
public sealed class PlayContext(LoadOptions options, LoadMetrics metrics, HttpClient http, SocketFactory sockets, Uri socketUri, bool paced)
{
    public LoadOptions Options { get; } = options;

    public LoadMetrics Metrics { get; } = metrics;

    public HttpClient Http { get; } = http;

    public SocketFactory Sockets { get; } = sockets;

    public Uri SocketUri { get; } = socketUri;

    public bool Paced { get; } = paced;

    public long IntervalTicks { get; } = (long)(options.DigInterval.TotalSeconds * Stopwatch.Frequency);

    /// <summary>A round with no event for this long is stuck: counted as a violation and abandoned.</summary>
    public TimeSpan StallTimeout { get; } = paced ? TimeSpan.FromSeconds(Math.Max(15, options.DigInterval.TotalSeconds * 10)) : TimeSpan.FromSeconds(15);

    public string CreateRoomBody { get; } =
        $$"""{"rows":{{options.Rows}},"cols":{{options.Cols}},"gold":{{options.Gold}},"rules":"{{options.Rules}}"}""";
}
