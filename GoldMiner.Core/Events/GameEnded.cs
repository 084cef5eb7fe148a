namespace GoldMiner.Core.Events;

/// <summary>The game is over. <paramref name="Winner"/> is null on a tie.</summary>
public sealed record GameEnded(InlineList<int> Scores, int? Winner, GameEndReason Reason) : GameEvent;
