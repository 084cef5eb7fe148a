namespace GoldMiner.Core;

/// <summary>Where a game is in its life.</summary>
public enum GameStatus
{
    /// <summary>Fewer than two seats are filled.</summary>
    Waiting,

    /// <summary>Both seats are filled and digging is under way.</summary>
    Playing,

    /// <summary>The game has ended; nothing more can change it.</summary>
    Finished,
}
