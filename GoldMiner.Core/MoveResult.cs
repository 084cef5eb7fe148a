using GoldMiner.Core.Events;

namespace GoldMiner.Core;

/// <summary>What a move did: either the events it caused, or why it was refused (and then nothing changed).</summary>
public sealed class MoveResult
{
    private static readonly IReadOnlyList<GameEvent> NoEvents = [];

    private MoveResult(IReadOnlyList<GameEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    /// <summary>The events the move caused, in order; empty when rejected.</summary>
    public IReadOnlyList<GameEvent> Events { get; }

    /// <summary>Why the move was refused, or null when it was accepted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when the move changed the game.</summary>
    public bool IsAccepted => Rejection is null;

    internal static MoveResult Accepted(params GameEvent[] events) => new(events, null);

    internal static MoveResult Rejected(Rejection rejection) => new(NoEvents, rejection);
}
