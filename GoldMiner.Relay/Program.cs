using System.Collections.Concurrent;
using GoldMiner.Relay;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

// A bare WebSocket relay on the server's own stack (Kestrel, ASP.NET Core's WebSockets, the same
// receive and send calls), with no game, no journal and no JSON: every text message one socket of
// a pair sends goes back to both sockets of the pair, as a dig's broadcast does. The load tool
// drives it with `--relay`, so the figures show what the transport alone costs on this machine,
// the floor under the server's own (docs/performance.md, "the floor").
var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<SocketTransportOptions>(builder.Configuration.GetSection("Kestrel:Sockets"));
var app = builder.Build();
app.UseWebSockets();

var pairs = new ConcurrentDictionary<string, RelayPair>();
app.MapGet("/healthz", () => "ok");
app.Map("/ws", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["pair"].ToString() is not { Length: > 0 } id)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var pair = pairs.GetOrAdd(id, _ => new RelayPair());
    if (!pair.TryJoin(socket))
    {
        return;
    }

    try
    {
        await pair.RelayFromAsync(socket, context.RequestAborted);
    }
    finally
    {
        if (pair.Leave(socket))
        {
            pairs.TryRemove(KeyValuePair.Create(id, pair));
        }
    }
});

app.Run();
