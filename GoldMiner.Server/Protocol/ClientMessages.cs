namespace GoldMiner.Server.Protocol;

// The whole client -> server message set in one file, so the contract reads at a glance.

/// <summary>A message a client may send; see docs/protocol.md.</summary>
public abstract record ClientMessage;

/// <summary>`join`: take a free seat, take back your own seat with a token, or watch.</summary>
public sealed record JoinMessage(string Room, string? Name, string? Token, bool Spectate) : ClientMessage;

/// <summary>`dig`: dig one cell.</summary>
public sealed record DigMessage(int Row, int Col) : ClientMessage;

/// <summary>`leave`: give up the seat (forfeits a game in play) or stop watching.</summary>
public sealed record LeaveMessage : ClientMessage;

/// <summary>`ping`: answered by `pong`.</summary>
public sealed record PingMessage : ClientMessage;
