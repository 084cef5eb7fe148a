using GoldMiner.Core.Events;

namespace GoldMiner.Core;

/// <summary>What a move did: either the events it caused, or why it was refused (and then nothing changed).</summary>
/// <remarks>
/// A value, like its <see cref="Events"/>: a dig's result was two objects (the result and its
/// events array) besides the event itself (docs/performance.md, round 12). A move causes at most
/// two events. <c>default</c> is no move's result: only <see cref="Game"/> makes them.
/// </remarks>
public readonly struct MoveResult
{
    private MoveResult(InlineList<GameEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>The events the move caused, in order; empty when rejected.</summary>
    public InlineList<GameEvent> Events { get; }

    /// <summary>Why the move was refused, or null when it was accepted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when the move changed the game.</summary>
    public bool IsAccepted => Rejection is null;

    internal static MoveResult Accepted(GameEvent only) => new(new InlineList<GameEvent>(only), null);

    internal static MoveResult Accepted(GameEvent first, GameEvent then) => new(new InlineList<GameEvent>(first, then), null);

    internal static MoveResult Rejected(Rejection rejection) => new(default, rejection);
}
