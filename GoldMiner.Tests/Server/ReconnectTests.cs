using System.Net.WebSockets;
using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

public sealed class ReconnectTests : IDisposable
{
    private const WebSocketCloseStatus SeatTakenOver = (WebSocketCloseStatus)4000;

    private readonly GoldMinerServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Drop_MidGame_OthersSeePlayerOfflineAndTheLobbyShowsIt()
    {
        await using var game = await StartedGame.StartAsync(server);
        await game.Driver.DigOnceAsync();

        game.Alice.Drop();

        var bobSees = await game.Bob.WaitForAsync("playerOffline");
        var watcherSees = await game.Watcher.WaitForAsync("playerOffline");
        bobSees.Value<int>("seat").Should().Be(0);
        watcherSees.ToString().Should().Be(bobSees.ToString());
        (await server.OnlineAsync(game.Room)).Should().Equal((0, false), (1, true));
        (await server.RoomAsync(game.Room)).Value<string>("status").Should().Be("playing");
    }

    [Fact]
    public async Task Reconnect_WithToken_GetsTheSameSeatAndTheStateTheOthersSee()
    {
        await using var game = await StartedGame.StartAsync(server);
        await game.Driver.DigOnceAsync();
        var lastDig = await game.Driver.DigOnceAsync();
        game.Alice.Drop();
        await game.Bob.WaitForAsync("playerOffline");
        await using var alice = await server.ConnectAsync();

        var welcome = await alice.JoinAsync(game.Room, "Alice", token: game.Alice.Token);

        var online = await game.Bob.WaitForAsync("playerOnline");
        (await game.Watcher.WaitForAsync("playerOnline")).ToString().Should().Be(online.ToString());
        var state = (JObject)welcome["state"]!;
        welcome.Value<int>("seat").Should().Be(0);
        welcome.Value<string>("token").Should().Be(game.Alice.Token);
        online.Value<int>("seat").Should().Be(0);
        state.Value<long>("seq").Should().Be(online.Value<long>("seq"), "the state is as of the last event the others saw");
        SeenBoard.FromState(state).Should().Be(SeenBoard.FromEvents(game.Bob.Events, game.Rows, game.Cols));
        state["players"]!.Select(p => p.Value<int>("score")).Should().Equal(lastDig["scores"]!.Values<int>());
        state.Value<int?>("turn").Should().Be(lastDig.Value<int?>("turn"));
        state["players"]!.Select(p => p.Value<bool>("online")).Should().Equal(true, true);
        (await server.OnlineAsync(game.Room)).Should().Equal((0, true), (1, true));
    }

    [Fact]
    public async Task Reconnect_ThenTheGameCarriesOnToTheEnd_WithSeqGaplessForEveryone()
    {
        await using var game = await StartedGame.StartAsync(server);
        await game.Driver.DigOnceAsync();
        game.Bob.Drop();
        await game.Alice.WaitForAsync("playerOffline");
        await using var bob = await server.ConnectAsync();
        var bobWelcome = await bob.JoinAsync(game.Room, "Bob", token: game.Bob.Token);
        await game.Alice.WaitForAsync("playerOnline");
        var driver = new GameDriver(game.Alice, bob, game.Rows, game.Cols);
        driver.Sync((JObject)bobWelcome["state"]!);

        var gameOver = await driver.PlayToEndAsync();

        (await bob.WaitForAsync("gameOver")).ToString().Should().Be(gameOver.ToString());
        (await game.Watcher.WaitForAsync("gameOver")).ToString().Should().Be(gameOver.ToString());
        EventChecks.SameEventsInSameOrder(
            (game.Alice, game.AliceWelcome),
            (game.Bob, game.BobWelcome),
            (bob, bobWelcome),
            (game.Watcher, game.WatcherWelcome));
        EventChecks.ConsistentWithFinalBoard(game.Watcher.Events, gameOver);
        gameOver.Value<string>("reason").Should().Be("allGoldFound");
    }

    [Fact]
    public async Task Join_WithAWrongToken_IsBadTokenAndChangesNothing()
    {
        await using var game = await StartedGame.StartAsync(server);
        game.Alice.Drop();
        var offline = await game.Bob.WaitForAsync("playerOffline");
        await using var stranger = await server.ConnectAsync();

        await stranger.SendAsync(new { type = "join", room = game.Room, name = "Mallory", token = "AAAAAAAAAAAAAAAAAAAAAA" });

        (await stranger.ExpectErrorAsync()).Should().Be("badToken");
        (await server.SettleAsync(game.Room)).Value<long>("seq").Should().Be(offline.Value<long>("seq"), "no event followed");
        (await game.Bob.MessagesBeforePongAsync()).Types().Should().BeEmpty("a refused join tells nobody anything");
        (await game.Watcher.MessagesBeforePongAsync()).Types().Should().Equal("playerOffline");
        (await server.OnlineAsync(game.Room)).Should().Equal((0, false), (1, true));
        await stranger.DigAsync(0, 0);
        (await stranger.ExpectErrorAsync()).Should().Be("notJoined", "the stranger holds no seat");
        (await stranger.JoinAsync(game.Room, "Mallory", spectate: true))["seat"]!.Type.Should().Be(JTokenType.Null);
    }

    [Fact]
    public async Task Reclaim_WhileTheOldSocketIsOpen_ClosesItWith4000AndTheNewOnePlays()
    {
        await using var game = await StartedGame.StartAsync(server);
        await using var alice = await server.ConnectAsync();

        var welcome = await alice.JoinAsync(game.Room, "Alice", token: game.Alice.Token);

        (await game.Alice.WaitForCloseAsync()).Should().Be(SeatTakenOver);
        welcome.Value<int>("seat").Should().Be(0);
        (await server.SettleAsync(game.Room)).Value<long>("seq").Should().Be(game.BobWelcome["state"]!.Value<long>("seq"), "no event followed");
        (await game.Bob.MessagesBeforePongAsync()).Types().Should().BeEmpty("the seat never went offline");
        (await server.OnlineAsync(game.Room)).Should().Equal((0, true), (1, true));
        var dug = await new GameDriver(alice, game.Bob, game.Rows, game.Cols).DigOnceAsync();
        dug.Value<int>("by").Should().Be(0);
        (await game.Bob.WaitForAsync("dug")).ToString().Should().Be(dug.ToString());
    }

    [Fact]
    public async Task Token_AfterItsPlayerForfeitedByLeaving_IsBadToken()
    {
        await using var game = await StartedGame.StartAsync(server);
        await game.Alice.SendAsync(new { type = "leave" });
        await game.Bob.WaitForAsync("gameOver");
        await using var again = await server.ConnectAsync();

        await again.SendAsync(new { type = "join", room = game.Room, name = "Alice", token = game.Alice.Token });

        (await again.ExpectErrorAsync()).Should().Be("badToken");
    }

    [Fact]
    public async Task Token_AfterItsPlayerLeftAWaitingRoom_IsBadToken()
    {
        var room = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync();
        await alice.JoinAsync(room, "Alice");
        await alice.SendAsync(new { type = "leave" });
        await alice.WaitForAsync("playerLeft");
        await using var again = await server.ConnectAsync();

        await again.SendAsync(new { type = "join", room, name = "Alice", token = alice.Token });

        (await again.ExpectErrorAsync()).Should().Be("badToken");
        (await server.RoomAsync(room))["players"]!.Should().BeEmpty();
    }

    [Fact]
    public async Task Token_AfterTheSeatHoldRanOut_IsBadToken()
    {
        await using var game = await StartedGame.StartAsync(server);
        game.Alice.Drop();
        await game.Bob.WaitForAsync("playerOffline");
        await server.RoomAsync(game.Room); // takes the room's lock: the seat-hold timer exists once this answers
        server.Clock.Advance(TimeSpan.FromSeconds(121));
        await game.Bob.WaitForAsync("gameOver");
        await using var again = await server.ConnectAsync();

        await again.SendAsync(new { type = "join", room = game.Room, name = "Alice", token = game.Alice.Token });

        (await again.ExpectErrorAsync()).Should().Be("badToken");
    }

    [Fact]
    public async Task Token_FromAnotherRoom_IsBadToken()
    {
        await using var game = await StartedGame.StartAsync(server);
        var otherRoom = await server.CreateRoomAsync();
        await using var alice = await server.ConnectAsync();

        await alice.SendAsync(new { type = "join", room = otherRoom, name = "Alice", token = game.Alice.Token });

        (await alice.ExpectErrorAsync()).Should().Be("badToken");
        (await server.RoomAsync(otherRoom))["players"]!.Should().BeEmpty();
    }

    [Fact]
    public async Task Tokens_AreAtLeast128BitsAndDifferBetweenSeatsAndRooms()
    {
        await using var first = await StartedGame.StartAsync(server);
        await using var second = await StartedGame.StartAsync(server);

        var tokens = new[] { first.Alice.Token, first.Bob.Token, second.Alice.Token, second.Bob.Token };

        tokens.Should().OnlyContain(t => t != null && t.Length >= 22, "22 base64url characters carry 132 bits");
        tokens.Should().AllSatisfy(t => t.Should().MatchRegex("^[A-Za-z0-9_-]+$", "tokens are base64url"));
        tokens.Should().OnlyHaveUniqueItems();
        first.WatcherWelcome["token"]!.Type.Should().Be(JTokenType.Null, "a spectator holds no seat to reclaim");
    }
}
