namespace GoldMiner.Core.Events;

/// <summary>A player gave up their seat (by leaving, or by staying away too long).</summary>
public sealed record PlayerLeft(int Seat) : GameEvent;
