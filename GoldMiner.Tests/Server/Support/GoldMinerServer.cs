using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// The real GoldMiner app on a real Kestrel socket (a free loopback port), with a clock the test
/// controls. Settings are overridden through configuration, exactly as an operator would.
/// </summary>
public sealed class GoldMinerServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new()
    {
        // Tests create many rooms from one address; the rate-limit test lowers this again.
        ["GoldMiner:Limits:RoomsPerMinutePerAddress"] = "10000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private readonly bool ownsDatabase;

    /// <param name="overrides">Configuration keys to set, as an operator would.</param>
    /// <param name="databasePath">The SQLite file to use; by default a fresh temporary one, deleted afterwards.</param>
    public GoldMinerServer(IDictionary<string, string?>? overrides = null, string? databasePath = null)
    {
        ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"goldminer-test-{Guid.NewGuid():N}.db");
        settings["ConnectionStrings:GoldMiner"] = $"Data Source={DatabasePath}";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // Listen on a free loopback port through Kestrel's own options: UseKestrel(int) would rewrite
        // the server's addresses after build, which races the app's own start under minimal hosting.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public ManualTimeProvider Clock { get; } = new();

    public string DatabasePath { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public Uri SocketAddress => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri;

    public Task<TestClient> ConnectAsync() => TestClient.ConnectAsync(SocketAddress);

    /// <summary>Creates a room over HTTP and returns its id.</summary>
    public async Task<string> CreateRoomAsync(object? options = null)
    {
        var response = await Http.PostAsync("/api/rooms", Json.Content(options ?? new { }));
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!.Value<string>()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            TempDatabase.Delete(DatabasePath);
        }
    }
}
