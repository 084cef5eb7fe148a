namespace GoldMiner.Server.Configuration;

/// <summary>Limits that keep one client from hurting the others.</summary>
public sealed class LimitsOptions
{
    /// <summary>Rooms one client address may create per minute (ASP.NET Core rate limiter).</summary>
    public int RoomsPerMinutePerAddress { get; set; } = 20;

    /// <summary>Rooms open at once; creating more gets 503.</summary>
    public int MaxRooms { get; set; } = 10_000;

    /// <summary>WebSocket connections open at once; more are refused with 503.</summary>
    public int MaxConnections { get; set; } = 50_000;

    /// <summary>Largest accepted client message; a larger one closes the socket with 1009.</summary>
    public int MaxMessageBytes { get; set; } = 4096;

    /// <summary>Messages per second a connection may send on average.</summary>
    public int MessagesPerSecond { get; set; } = 20;

    /// <summary>Messages a connection may send in a burst above the average.</summary>
    public int MessageBurst { get; set; } = 40;

    /// <summary>Messages refused in a row for flooding before the socket is closed (1008).</summary>
    public int RateLimitStrikes { get; set; } = 20;

    /// <summary>Messages queued for a connection that does not read; beyond this it is dropped.</summary>
    public int OutgoingQueueLength { get; set; } = 512;

    /// <summary>Longest nickname, in characters as people count them; longer ones are cut.</summary>
    public int NameMaxLength { get; set; } = 24;

    /// <summary>Longest room name; longer ones are cut.</summary>
    public int RoomNameMaxLength { get; set; } = 40;
}
