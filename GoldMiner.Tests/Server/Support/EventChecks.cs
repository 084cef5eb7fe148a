using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>Checks that hold for every connection in a room, whatever the game.</summary>
public static class EventChecks
{
    /// <summary>
    /// Each client's events after its welcome count up from the welcome's seq without gaps, and
    /// wherever two clients saw the same seq they saw exactly the same message.
    /// </summary>
    public static void SameEventsInSameOrder(params (TestClient Client, JObject Welcome)[] members)
    {
        var bySeq = new Dictionary<long, string>();
        foreach (var (client, welcome) in members)
        {
            var from = welcome["state"]!.Value<long>("seq");
            var events = client.Events.Where(e => e.Value<long>("seq") > from).ToList();
            events.Select(e => e.Value<long>("seq")).Should().Equal(
                Enumerable.Range(0, events.Count).Select(i => from + 1 + i),
                "seq counts up from the welcome's state without gaps");
            foreach (var e in events)
            {
                var text = e.ToString(Newtonsoft.Json.Formatting.None);
                if (bySeq.TryGetValue(e.Value<long>("seq"), out var seen))
                {
                    text.Should().Be(seen, "every connection sees the same event for the same seq");
                }
                else
                {
                    bySeq[e.Value<long>("seq")] = text;
                }
            }
        }
    }

    /// <summary>Every value a dig revealed matches the final board, and scores match the gold each seat dug.</summary>
    public static void ConsistentWithFinalBoard(IReadOnlyList<JObject> events, JObject gameOver)
    {
        var board = (JArray)gameOver["board"]!;
        var gold = new int[2];
        foreach (var dug in events.Where(e => e.Value<string>("type") == "dug"))
        {
            foreach (var cell in dug["cells"]!)
            {
                var value = cell.Value<int>("value");
                value.Should().Be(board[cell.Value<int>("row")]![cell.Value<int>("col")]!.Value<int>());
                if (value == -1)
                {
                    gold[dug.Value<int>("by")]++;
                }
            }
        }

        gameOver["scores"]!.Values<int>().Should().Equal(gold);
    }
}
