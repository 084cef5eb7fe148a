using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

public sealed class ForfeitTests : IDisposable
{
    private const int SeatHoldSeconds = 120;

    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        ["GoldMiner:SeatHoldSeconds"] = SeatHoldSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Leave_DuringPlay_ForfeitsToTheOtherSeat_ForBothPlayersAndSpectators()
    {
        await using var game = await StartedGame.StartAsync(server);
        await game.Driver.DigOnceAsync();

        await game.Alice.SendAsync(new { type = "leave" });

        foreach (var client in new[] { game.Alice, game.Bob, game.Watcher })
        {
            var left = await client.WaitForAsync("playerLeft");
            var gameOver = await client.NextAsync();
            left.Value<int>("seat").Should().Be(0);
            gameOver.Value<string>("type").Should().Be("gameOver");
            gameOver.Value<string>("reason").Should().Be("forfeit");
            gameOver.Value<int?>("winner").Should().Be(1);
            gameOver.Value<long>("seq").Should().Be(left.Value<long>("seq") + 1);
        }

        (await server.RoomAsync(game.Room)).Value<string>("status").Should().Be("finished");
    }

    [Fact]
    public async Task Leave_WhileWaiting_FreesTheSeatForTheNextJoiner()
    {
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync();
        await using var carol = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");

        await alice.SendAsync(new { type = "leave" });
        var left = await alice.WaitForAsync("playerLeft");

        left.Value<int>("seat").Should().Be(0);
        var summary = await server.RoomAsync(room);
        summary.Value<string>("status").Should().Be("waiting");
        summary["players"]!.Should().BeEmpty();
        (await carol.JoinAsync(room, "Carol")).Value<int>("seat").Should().Be(0);
        (await server.RoomAsync(room))["players"]!.Select(p => p.Value<string>("name")).Should().Equal("Carol");
    }

    [Fact]
    public async Task Drop_WithoutComingBack_ForfeitsWhenTheSeatHoldRunsOut()
    {
        await using var game = await StartedGame.StartAsync(server);
        await DropAliceAsync(game);

        server.Clock.Advance(TimeSpan.FromSeconds(SeatHoldSeconds - 1));
        var justBefore = await server.SettleAsync(game.Room);
        var beforeTheHoldRanOut = await game.Bob.MessagesBeforePongAsync();
        server.Clock.Advance(TimeSpan.FromSeconds(2));

        justBefore.Value<string>("status").Should().Be("playing", "the seat is still held");
        beforeTheHoldRanOut.Types().Should().BeEmpty();
        foreach (var client in new[] { game.Bob, game.Watcher })
        {
            (await client.NextAsync()).Should().Match<JObject>(m => m.Value<string>("type") == "playerLeft" && m.Value<int>("seat") == 0);
            var gameOver = await client.NextAsync();
            gameOver.Value<string>("type").Should().Be("gameOver");
            gameOver.Value<string>("reason").Should().Be("forfeit");
            gameOver.Value<int?>("winner").Should().Be(1);
        }

        (await server.RoomAsync(game.Room)).Value<string>("status").Should().Be("finished");
    }

    [Fact]
    public async Task Reconnect_BeforeTheSeatHoldRunsOut_CancelsTheForfeit()
    {
        await using var game = await StartedGame.StartAsync(server);
        await DropAliceAsync(game);
        server.Clock.Advance(TimeSpan.FromSeconds(SeatHoldSeconds / 2));
        await using var alice = await server.ConnectAsync();
        await alice.JoinAsync(game.Room, "Alice", token: game.Alice.Token);
        var online = await game.Bob.WaitForAsync("playerOnline");
        await game.Watcher.WaitForAsync("playerOnline");

        server.Clock.Advance(TimeSpan.FromSeconds(SeatHoldSeconds * 2));

        var state = await server.SettleAsync(game.Room);
        state.Value<string>("status").Should().Be("playing");
        state.Value<long>("seq").Should().Be(online.Value<long>("seq"), "nothing happened after the player came back");
        (await game.Bob.MessagesBeforePongAsync()).Types().Should().BeEmpty();
        (await game.Watcher.MessagesBeforePongAsync()).Types().Should().BeEmpty();
        (await alice.MessagesBeforePongAsync()).Types().Should().Equal("playerOnline");
        (await new GameDriver(alice, game.Bob, game.Rows, game.Cols).DigOnceAsync()).Value<int>("by").Should().Be(0);
    }

    [Fact]
    public async Task Drop_InAWaitingRoom_FreesTheSeatWhenTheSeatHoldRunsOut()
    {
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync();
        await using var watcher = await server.ConnectAsync();
        await using var carol = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");
        await watcher.JoinAsync(room, "Watcher", spectate: true);
        alice.Drop();
        await watcher.WaitForAsync("playerOffline");
        (await server.OnlineAsync(room)).Should().Equal([(0, false)], "the seat is held for a while");

        server.Clock.Advance(TimeSpan.FromSeconds(SeatHoldSeconds + 1));

        (await watcher.NextAsync()).Should().Match<JObject>(m => m.Value<string>("type") == "playerLeft" && m.Value<int>("seat") == 0);
        var summary = await server.RoomAsync(room);
        summary.Value<string>("status").Should().Be("waiting");
        summary["players"]!.Should().BeEmpty();
        (await carol.JoinAsync(room, "Carol")).Value<int>("seat").Should().Be(0);
    }

    /// <summary>Alice's socket dies; returns once both others saw her go and her seat-hold timer runs.</summary>
    private async Task DropAliceAsync(StartedGame game)
    {
        game.Alice.Drop();
        await game.Bob.WaitForAsync("playerOffline");
        await game.Watcher.WaitForAsync("playerOffline");
        await server.RoomAsync(game.Room); // takes the room's lock: the seat-hold timer exists once this answers
    }
}
