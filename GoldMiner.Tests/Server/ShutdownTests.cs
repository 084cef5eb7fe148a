using System.Net.WebSockets;
using GoldMiner.Tests.Server.Support;

namespace GoldMiner.Tests.Server;

public sealed class ShutdownTests : IDisposable
{
    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        // Should a client not answer the close frame, the server gives up on it quickly.
        ["GoldMiner:CloseTimeoutSeconds"] = "1",
    });

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task StoppingTheServer_ClosesEverySocketWith1001()
    {
        await using var game = await StartedGame.StartAsync(server);
        await using var idle = await server.ConnectAsync();
        await idle.SendAsync(new { type = "ping" });
        await idle.WaitForAsync("pong");

        var stopping = server.DisposeAsync().AsTask();

        foreach (var client in new[] { game.Alice, game.Bob, game.Watcher, idle })
        {
            (await client.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        }

        await game.DisposeAsync();
        await idle.DisposeAsync();
        await stopping.WaitAsync(TestClient.Patience);
    }
}
