using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

public sealed class RandomDisconnectTests : IDisposable
{
    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        ["GoldMiner:Limits:MessagesPerSecond"] = "1000",
        ["GoldMiner:Limits:MessageBurst"] = "1000",
    });

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task ManyGames_WithPlayersDroppingAtRandom_AllFinishAndEveryViewMatchesTheServer()
    {
        const int Games = 12;
        var random = new Random(20261122);
        var rooms = new List<(string Room, ResilientBot A, ResilientBot B)>();
        for (var i = 0; i < Games; i++)
        {
            var room = await server.CreateRoomAsync(new { rows = 6, cols = 6, gold = 6, rules = i % 2 == 0 ? "classic" : "flags" });
            var a = new ResilientBot(server.ConnectAsync, room, "A", new Random(random.Next()), dropChance: 0.15);
            var b = new ResilientBot(server.ConnectAsync, room, "B", new Random(random.Next()), dropChance: 0.15);
            await a.JoinAsync();
            await b.JoinAsync();
            rooms.Add((room, a, b));
        }

        await Task.WhenAll(rooms.SelectMany(r => new[] { Task.Run(r.A.PlayToEndAsync), Task.Run(r.B.PlayToEndAsync) }));

        rooms.Sum(r => r.A.Reconnects + r.B.Reconnects).Should().BeGreaterThan(Games, "the network really was bad");
        foreach (var (room, a, b) in rooms)
        {
            var record = JObject.Parse(await server.Http.GetStringAsync($"/api/games/{room}"));
            var board = record["board"]!.ToObject<int?[][]>();
            var scores = record["scores"]!.Values<int>().ToArray();
            a.FinalView.Board.Should().BeEquivalentTo(board, options => options.WithStrictOrdering());
            b.FinalView.Board.Should().BeEquivalentTo(board, options => options.WithStrictOrdering());
            a.FinalView.Scores.Should().Equal(scores);
            b.FinalView.Scores.Should().Equal(scores);
            var digs = record["moves"]!.Where(m => m.Value<string>("type") == "dig").Select(m => (m.Value<int>("row"), m.Value<int>("col")));
            digs.Should().OnlyHaveUniqueItems("a dig sent before a drop is never applied twice");
        }
    }
}
