using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

public sealed class GamePlayTests : IDisposable
{
    private readonly GoldMinerServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task ClassicGame_PlayedToTheEnd_EveryConnectionSeesTheSameEvents()
    {
        var room = await server.CreateRoomAsync(new { rows = 6, cols = 6, gold = 5 });
        await using var alice = await server.ConnectAsync();
        await using var bob = await server.ConnectAsync();
        await using var watcher = await server.ConnectAsync();
        var aliceWelcome = await alice.JoinAsync(room, "Alice");
        var watcherWelcome = await watcher.JoinAsync(room, "Watcher", spectate: true);
        var bobWelcome = await bob.JoinAsync(room, "Bob");
        await alice.WaitForAsync("gameStarted");

        var gameOver = await new GameDriver(alice, bob, 6, 6).PlayToEndAsync();
        await bob.WaitForAsync("gameOver");
        await watcher.WaitForAsync("gameOver");

        aliceWelcome.Value<int>("seat").Should().Be(0);
        bobWelcome.Value<int>("seat").Should().Be(1);
        watcherWelcome["seat"]!.Type.Should().Be(JTokenType.Null);
        EventChecks.SameEventsInSameOrder((alice, aliceWelcome), (bob, bobWelcome), (watcher, watcherWelcome));
        EventChecks.ConsistentWithFinalBoard(watcher.Events, gameOver);
        gameOver.Value<string>("reason").Should().Be("allGoldFound");
        var digs = alice.Events.Where(e => e.Value<string>("type") == "dug").ToList();
        digs.Take(digs.Count - 1).Should().OnlyContain(d => d.Value<int>("turn") == 1 - d.Value<int>("by"), "classic always passes the turn");
        digs[^1]["turn"]!.Type.Should().Be(JTokenType.Null);
        var scores = gameOver["scores"]!.Values<int>().ToArray();
        scores.Sum().Should().Be(5);
        gameOver["winner"]!.ToObject<int?>().Should().Be(scores[0] == scores[1] ? null : scores[0] > scores[1] ? 0 : 1);
    }

    [Fact]
    public async Task FlagsGame_PlayedToTheEnd_GoldKeepsTheTurnAndMajorityEndsIt()
    {
        var room = await server.CreateRoomAsync(new { rows = 8, cols = 8, gold = 15, rules = "flags" });
        await using var alice = await server.ConnectAsync();
        await using var bob = await server.ConnectAsync();
        await using var watcher = await server.ConnectAsync();
        var aliceWelcome = await alice.JoinAsync(room, "Alice");
        var bobWelcome = await bob.JoinAsync(room, "Bob");
        var watcherWelcome = await watcher.JoinAsync(room, "Watcher", spectate: true);

        var gameOver = await new GameDriver(alice, bob, 8, 8).PlayToEndAsync();
        await bob.WaitForAsync("gameOver");
        await watcher.WaitForAsync("gameOver");

        EventChecks.SameEventsInSameOrder((alice, aliceWelcome), (bob, bobWelcome), (watcher, watcherWelcome));
        EventChecks.ConsistentWithFinalBoard(alice.Events, gameOver);
        var digs = alice.Events.Where(e => e.Value<string>("type") == "dug").ToList();
        foreach (var dig in digs.Take(digs.Count - 1))
        {
            var foundGold = dig["cells"]!.Any(c => c.Value<int>("value") == -1);
            dig.Value<int>("turn").Should().Be(foundGold ? dig.Value<int>("by") : 1 - dig.Value<int>("by"));
        }

        var scores = gameOver["scores"]!.Values<int>().ToArray();
        var reason = gameOver.Value<string>("reason");
        if (reason == "majority")
        {
            scores.Max().Should().BeGreaterThan(15 / 2);
            gameOver.Value<int>("winner").Should().Be(scores[0] > scores[1] ? 0 : 1);
        }
        else
        {
            reason.Should().Be("allGoldFound");
            scores.Should().Equal(7, 7);
        }
    }

    [Fact]
    public async Task Welcome_CarriesTheWholeStateOfTheRoom()
    {
        var room = await server.CreateRoomAsync(new { name = "Den", rows = 5, cols = 7, gold = 4 });
        await using var alice = await server.ConnectAsync();
        await using var bob = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");
        await bob.JoinAsync(room, "Bob");
        var driver = new GameDriver(alice, bob, 5, 7);
        var dug = await driver.DigOnceAsync();
        await using var watcher = await server.ConnectAsync();

        var welcome = await watcher.JoinAsync(room, "Watcher", spectate: true);

        var state = (JObject)welcome["state"]!;
        welcome.Value<string>("room").Should().Be(room);
        welcome["token"]!.Type.Should().Be(JTokenType.Null);
        state.Value<string>("name").Should().Be("Den");
        state.Value<string>("rules").Should().Be("classic");
        state.Value<string>("status").Should().Be("playing");
        (state.Value<int>("rows"), state.Value<int>("cols"), state.Value<int>("gold")).Should().Be((5, 7, 4));
        state.Value<int>("seq").Should().Be(dug.Value<int>("seq"));
        state.Value<int>("turn").Should().Be(dug.Value<int>("turn"));
        state["players"]!.Select(p => (p.Value<int>("seat"), p.Value<string>("name"), p.Value<bool>("online")))
            .Should().Equal((0, "Alice", true), (1, "Bob", true));
        var board = (JArray)state["board"]!;
        board.Should().HaveCount(5).And.OnlyContain(row => ((JArray)row).Count == 7);
        foreach (var cell in dug["cells"]!)
        {
            board[cell.Value<int>("row")]![cell.Value<int>("col")]!.Value<int>().Should().Be(cell.Value<int>("value"));
        }

        board.SelectMany(row => row).Count(v => v.Type != JTokenType.Null).Should().Be(dug["cells"]!.Count());
        state.Should().NotContainKey("winner", "a game in play has no winner yet");
        state["lastDig"]!.Value<int>("row").Should().Be(dug.Value<int>("row"));
    }

    [Fact]
    public async Task Lobby_ShowsPlayersScoresAndSpectators()
    {
        var room = await server.CreateRoomAsync(new { rows = 5, cols = 5, gold = 3 });
        await using var alice = await server.ConnectAsync();
        await using var bob = await server.ConnectAsync();
        await using var watcher = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");
        await bob.JoinAsync(room, "Bob");
        await watcher.JoinAsync(room, "Watcher", spectate: true);

        var summary = JObject.Parse(await server.Http.GetStringAsync($"/api/rooms/{room}"));

        summary.Value<string>("status").Should().Be("playing");
        summary.Value<int>("spectators").Should().Be(1);
        summary["players"]!.Select(p => (p.Value<int>("seat"), p.Value<string>("name"), p.Value<int>("score"), p.Value<bool>("online")))
            .Should().Equal((0, "Alice", 0, true), (1, "Bob", 0, true));
    }
}
