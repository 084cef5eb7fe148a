namespace GoldMiner.Server.Persistence;

/// <summary>
/// How long a writer waits before it tries a store that refused a write again: 50 ms, doubling up
/// to 5 s. Short enough that a moment's lock costs little, long enough that a full disk is not
/// hammered.
/// </summary>
internal static class RetryDelay
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    public static TimeSpan First { get; } = TimeSpan.FromMilliseconds(50);

    public static TimeSpan After(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Max.Ticks));
}
