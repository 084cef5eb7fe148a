namespace GoldMiner.Core.Events;

/// <summary>A player took a seat.</summary>
public sealed record PlayerJoined(int Seat, string Name) : GameEvent;
