namespace GoldMiner.Core;

/// <summary>Why a game ended.</summary>
public enum GameEndReason
{
    /// <summary>Every gold cell has been dug.</summary>
    AllGoldFound,

    /// <summary>Under <see cref="GameRules.Flags"/>, one player holds more than half of all gold.</summary>
    Majority,

    /// <summary>A player left (or stayed away too long) during play; the other player wins.</summary>
    Forfeit,
}
