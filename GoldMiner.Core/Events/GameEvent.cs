namespace GoldMiner.Core.Events;

/// <summary>Something a move made happen, in the order it happened. Hosts broadcast these as they are.</summary>
public abstract record GameEvent;
