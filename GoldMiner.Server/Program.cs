using GoldMiner.Server.Configuration;
using GoldMiner.Server.Connections;
using GoldMiner.Server.Health;
using GoldMiner.Server.Lobby;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Rooms;
using GoldMiner.Server.Web;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// A newcomer's `dotnet run` listens on a fixed local port; --urls, ASPNETCORE_URLS or Kestrel
// endpoints in configuration choose another.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

// Kestrel's socket transport reads its options (NoDelay, UnsafePreferInlineScheduling, ...) from
// configuration too, like the rest of Kestrel: see docs/performance.md for when they pay.
builder.Services.Configure<SocketTransportOptions>(builder.Configuration.GetSection("Kestrel:Sockets"));

builder.Services.AddOptions<GoldMinerOptions>().BindConfiguration(GoldMinerOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<GoldMinerOptions>, OptionsValidation>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IGameStore, SqliteGameStore>();
builder.Services.AddSingleton<GameJournal>();
builder.Services.AddHostedService<RoomRecovery>();
builder.Services.AddSingleton<RoomRegistry>();
builder.Services.AddSingleton<ConnectionRegistry>();
builder.Services.AddSingleton<MessageDispatcher>();
builder.Services.AddSingleton<ConnectionHandler>();
builder.Services.AddHostedService<RoomCleanupService>();
builder.Services.AddProblemDetails();
builder.Services.AddRoomCreationRateLimit();
builder.Services.AddHealthChecks().AddCheck<CapacityHealthCheck>("capacity");

var app = builder.Build();
var settings = app.Services.GetRequiredService<IOptions<GoldMinerOptions>>().Value;

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebSockets(new WebSocketOptions
{
    KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds),
    KeepAliveTimeout = TimeSpan.FromSeconds(settings.KeepAliveTimeoutSeconds),
});
app.UseRateLimiter();

app.UseWebClient();
app.MapHealthChecks("/healthz");
app.MapLobby();
app.MapGameHistory();
app.Map("/ws", (HttpContext context, ConnectionHandler handler) => handler.HandleAsync(context));

var connections = app.Services.GetRequiredService<ConnectionRegistry>();
app.Lifetime.ApplicationStopping.Register(connections.CloseAll);

try
{
    // RunAsync disposes the host when it stops: the journal then writes what is still queued.
    await app.RunAsync();
    return 0;
}
catch (GameStoreUnavailableException e)
{
    // Refuse to start rather than open an empty lobby over games that exist but cannot be read.
    app.Logger.LogCritical("{Problem}", e.Message);
    return 1;
}
