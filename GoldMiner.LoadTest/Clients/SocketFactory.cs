using System.Net.Sockets;
using System.Net.WebSockets;

namespace GoldMiner.LoadTest.Clients;

/// <summary>
/// Opens client WebSockets with TCP_NODELAY set explicitly (a delayed-ACK stall would show up as
/// 40 ms of made-up latency) through one shared handler, so the harness pays for no pooling it does not use.
/// </summary>
public sealed class SocketFactory : IDisposable
{
    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        ConnectTimeout = TimeSpan.FromSeconds(30),
        UseProxy = false,
    });

    public async Task<ClientWebSocket> ConnectAsync(Uri uri, CancellationToken cancellation)
    {
        var socket = new ClientWebSocket();

        // The server pings every 20 s and the receive loop answers; the client adds none of its own.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(uri, invoker, cancellation);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => invoker.Dispose();
}
