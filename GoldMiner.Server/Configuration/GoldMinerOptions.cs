namespace GoldMiner.Server.Configuration;

/// <summary>
/// Everything an operator can tune, bound from the "GoldMiner" section of configuration
/// (appsettings.json, then GoldMiner__Key environment variables, then --GoldMiner:Key=value).
/// </summary>
public sealed class GoldMinerOptions
{
    public const string Section = "GoldMiner";

    /// <summary>The board a room gets when its creator does not say.</summary>
    public BoardDefaults Board { get; set; } = new();

    /// <summary>Abuse limits.</summary>
    public LimitsOptions Limits { get; set; } = new();

    /// <summary>How long a disconnected player's seat is kept for their token before they forfeit.</summary>
    public int SeatHoldSeconds { get; set; } = 120;

    /// <summary>How long a finished room stays in the lobby (and can be watched) before it is removed.</summary>
    public int FinishedRoomSeconds { get; set; } = 300;

    /// <summary>How long a room that nobody is connected to, and that has not finished, is kept.</summary>
    public int EmptyRoomSeconds { get; set; } = 600;

    /// <summary>How often expired rooms are looked for.</summary>
    public int CleanupIntervalSeconds { get; set; } = 15;

    /// <summary>How often Kestrel pings an idle WebSocket.</summary>
    public int KeepAliveSeconds { get; set; } = 20;

    /// <summary>How long Kestrel waits for the pong to a keep-alive ping before dropping the socket.</summary>
    public int KeepAliveTimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// How the journal log waits for the disk: "Full" (the default) syncs every batch before anyone
    /// hears of it, so it survives a power cut; "Normal" only hands it to the operating system,
    /// which survives a crash of the process but may lose the last batches on a power cut.
    /// </summary>
    public string JournalSynchronous { get; set; } = "Full";

    /// <summary>
    /// The size of one journal log file ("&lt;database&gt;-log/"). A file is reused once SQLite holds
    /// all it had, so the log takes about twice this on disk (more while games stay open long).
    /// </summary>
    public int JournalSegmentMegabytes { get; set; } = 64;

    /// <summary>How long a closing handshake may take before the socket is simply aborted.</summary>
    public int CloseTimeoutSeconds { get; set; } = 5;
}
