namespace GoldMiner.Core.Events;

/// <summary>The second seat filled; <paramref name="Turn"/> digs first.</summary>
public sealed record GameStarted(int Turn) : GameEvent;
