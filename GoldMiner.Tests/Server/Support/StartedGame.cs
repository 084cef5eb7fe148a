using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>A room with Alice (seat 0), Bob (seat 1) and a spectator, the game under way with Alice to dig.</summary>
public sealed class StartedGame : IAsyncDisposable
{
    private StartedGame(string room, int rows, int cols, TestClient alice, TestClient bob, TestClient watcher)
    {
        Room = room;
        Rows = rows;
        Cols = cols;
        Alice = alice;
        Bob = bob;
        Watcher = watcher;
        Driver = new GameDriver(alice, bob, rows, cols);
    }

    public string Room { get; }

    public int Rows { get; }

    public int Cols { get; }

    public TestClient Alice { get; }

    public TestClient Bob { get; }

    public TestClient Watcher { get; }

    public JObject AliceWelcome { get; private set; } = [];

    public JObject BobWelcome { get; private set; } = [];

    public JObject WatcherWelcome { get; private set; } = [];

    public GameDriver Driver { get; }

    /// <summary>Creates a room, seats Alice and Bob, lets a spectator watch, and waits for the start.</summary>
    public static async Task<StartedGame> StartAsync(GoldMinerServer server, int rows = 6, int cols = 6, int gold = 5)
    {
        var room = await server.CreateRoomAsync(new { rows, cols, gold });
        var game = new StartedGame(room, rows, cols, await server.ConnectAsync(), await server.ConnectAsync(), await server.ConnectAsync());
        game.AliceWelcome = await game.Alice.JoinAsync(room, "Alice");
        game.BobWelcome = await game.Bob.JoinAsync(room, "Bob");
        game.WatcherWelcome = await game.Watcher.JoinAsync(room, "Watcher", spectate: true);
        await game.Alice.WaitForAsync("gameStarted");
        await game.Bob.WaitForAsync("gameStarted");
        return game;
    }

    public async ValueTask DisposeAsync()
    {
        await Alice.DisposeAsync();
        await Bob.DisposeAsync();
        await Watcher.DisposeAsync();
    }
}
