namespace GoldMiner.Core.Events;

/// <summary>The game is over. <paramref name="Winner"/> is null on a tie.</summary>
public sealed record GameEnded(IReadOnlyList<int> Scores, int? Winner, GameEndReason Reason) : GameEvent;
