namespace GoldMiner.Core.Moves;

/// <summary>The player in <paramref name="Seat"/> gives up the seat; during play that forfeits the game.</summary>
public sealed record LeaveMove(int Seat) : GameMove;
