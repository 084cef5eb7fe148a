using System.Diagnostics;
using GoldMiner.LoadTest.Play;

namespace GoldMiner.Tests.LoadTest;

/// <summary>The load tool's wait for the rooms to turn over before it measures.</summary>
public class TurnoverTests
{
    [Fact]
    public async Task It_waits_until_as_many_games_have_finished_as_there_are_rooms()
    {
        long finished = 0;
        var waiting = Turnover.WaitAsync(() => Interlocked.Read(ref finished), rooms: 3, TimeSpan.FromMinutes(5), CancellationToken.None);

        Interlocked.Exchange(ref finished, 2);
        waiting.IsCompleted.Should().BeFalse("two games of three rooms is not yet a turnover");

        Interlocked.Exchange(ref finished, 3);
        var waited = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        waited.Should().BeLessThan(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Rooms_that_have_already_turned_over_are_not_waited_for()
    {
        var waiting = Turnover.WaitAsync(() => 4, rooms: 4, TimeSpan.FromMinutes(5), CancellationToken.None);

        waiting.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public async Task It_gives_up_at_the_limit()
    {
        var limit = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var waited = await Turnover.WaitAsync(() => 0, rooms: 5, limit, CancellationToken.None);

        waited.Should().BeGreaterThanOrEqualTo(limit);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }
}
