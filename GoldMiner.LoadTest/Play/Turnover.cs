using System.Diagnostics;

namespace GoldMiner.LoadTest.Play;

/// <summary>
/// Whether the rooms have turned over: as many games finished, since the run began, as there are rooms.
/// </summary>
/// <remarks>
/// Every room starts its first game when the run starts, and at one dig per 2 s a 9 x 9 game lasts
/// about a minute. Until the first games end, the server hardly creates a room, welcomes a player
/// or ends a game; once they have, it does each of those ~90 times a second at 5,000 rooms, and
/// allocates ~2.5 times as many bytes a second, so it collects twice as often (docs/performance.md,
/// round 9). A window that starts before then measures a server in its first minute, not the one an
/// operator runs. At full speed a game takes well under a second, so the warm-up has always covered it.
/// </remarks>
public static class Turnover
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Waits until <paramref name="gamesFinished"/> reaches <paramref name="rooms"/>, or
    /// <paramref name="limit"/> has passed; returns how long it waited.
    /// </summary>
    public static async Task<TimeSpan> WaitAsync(Func<long> gamesFinished, int rooms, TimeSpan limit, CancellationToken cancellation)
    {
        var waited = Stopwatch.StartNew();
        while (gamesFinished() < rooms && waited.Elapsed < limit)
        {
            await Task.Delay(Poll, cancellation);
        }

        return waited.Elapsed;
    }
}
