using System.Net;
using System.Net.WebSockets;
using GoldMiner.Tests.Server.Support;

namespace GoldMiner.Tests.Server;

/// <summary>Every socket is a file: the server must refuse connections before the OS refuses it files.</summary>
public sealed class ConnectionCapTests : IDisposable
{
    private const int OpenFileLimit = 900;
    private const int ExpectedCap = OpenFileLimit - 512;

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task OpenFileLimitBelowMaxConnections_CapsConnectionsAndTheServerStaysUp()
    {
        await using var server = ServerProcess.Start(database.Path, OpenFileLimit);
        await server.WaitUntilReadyAsync();
        var clients = new List<TestClient>();
        try
        {
            for (var i = 0; i < ExpectedCap; i++)
            {
                clients.Add(await server.ConnectAsync());
            }

            var refused = async () => await server.ConnectAsync();

            (await refused.Should().ThrowAsync<WebSocketException>()).Which.Message.Should().Contain("503");
            server.Output.Should().Contain($"taking at most {ExpectedCap} connections");
            (await server.Http.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "at its cap the server is alive to say it is full");
            (await clients[^1].MessagesBeforePongAsync()).Should().BeEmpty("the connections it took still work");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Drop();
            }
        }
    }
}
