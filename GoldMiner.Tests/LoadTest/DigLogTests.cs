using System.Diagnostics;
using GoldMiner.LoadTest.Metrics;

namespace GoldMiner.Tests.LoadTest;

/// <summary>The load tool's per-dig log, the one a scheduler trace is lined up with.</summary>
public class DigLogTests
{
    [Fact]
    public void Each_dig_is_a_line_of_its_send_time_in_nanoseconds_and_its_round_trip()
    {
        var log = new DigLog();
        var oneSecond = Stopwatch.Frequency;
        log.Record(sentTimestamp: 5 * oneSecond, receivedTimestamp: 5 * oneSecond + oneSecond / 1000);
        log.Record(sentTimestamp: 7 * oneSecond, receivedTimestamp: 7 * oneSecond + oneSecond / 40);

        var text = new StringWriter();
        log.Write(text, toolPid: 41, serverPid: 42);

        text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "# tool pid 41; server pid 42",
            DigLog.Header,
            "5000000000,1000",
            "7000000000,25000");
    }

    [Fact]
    public void Digs_recorded_from_many_threads_are_all_kept()
    {
        var log = new DigLog();

        Parallel.For(0, 10_000, i => log.Record(i, i + 1));

        log.Count.Should().Be(10_000);
    }
}
