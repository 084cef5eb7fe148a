namespace GoldMiner.Core.Moves;

/// <summary>A player called <paramref name="Name"/> takes the first free seat.</summary>
public sealed record JoinMove(string Name) : GameMove;
