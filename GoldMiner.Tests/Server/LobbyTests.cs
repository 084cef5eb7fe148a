using System.Net;
using System.Text;
using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

public sealed class LobbyTests : IDisposable
{
    private const string ProblemJson = "application/problem+json";

    private readonly GoldMinerServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task ListRooms_IsAJsonArray_NewestFirst()
    {
        var first = await server.CreateRoomAsync(new { name = "first" });
        var second = await server.CreateRoomAsync(new { name = "second" });
        var third = await server.CreateRoomAsync(new { name = "third" });

        var response = await server.Http.GetAsync("/api/rooms");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var rooms = JArray.Parse(await response.Content.ReadAsStringAsync());
        rooms.Select(r => r.Value<string>("id")).Should().Equal(third, second, first);
    }

    [Fact]
    public async Task GetRoom_ReturnsItsSummary()
    {
        var id = await server.CreateRoomAsync(new { name = "Den", rows = 5, cols = 6, gold = 4, rules = "flags" });

        var room = await server.RoomAsync(id);

        room.Value<string>("id").Should().Be(id);
        room.Value<string>("name").Should().Be("Den");
        room.Value<string>("status").Should().Be("waiting");
        room.Value<string>("rules").Should().Be("flags");
        (room.Value<int>("rows"), room.Value<int>("cols"), room.Value<int>("gold"), room.Value<int>("goldLeft")).Should().Be((5, 6, 4, 4));
        room["players"]!.Should().BeEmpty();
        room.Value<int>("spectators").Should().Be(0);
        room.Value<string>("createdAt").Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetRoom_UnknownId_Is404Problem()
    {
        var response = await server.Http.GetAsync("/api/rooms/nosuchroom");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("title").Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CreateRoom_WithAnEmptyBody_Is201WithTheDefaultsAndALocation()
    {
        var response = await server.Http.PostAsync("/api/rooms", Json.Content(new { }));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var room = JObject.Parse(await response.Content.ReadAsStringAsync());
        (room.Value<int>("rows"), room.Value<int>("cols"), room.Value<int>("gold")).Should().Be((9, 9, 10));
        room.Value<string>("rules").Should().Be("classic");
        room.Value<string>("status").Should().Be("waiting");
        response.Headers.Location!.ToString().Should().EndWith($"/api/rooms/{room.Value<string>("id")}");
        var located = JObject.Parse(await server.Http.GetStringAsync(response.Headers.Location));
        located.Value<string>("id").Should().Be(room.Value<string>("id"));
    }

    [Theory]
    [InlineData("""{"rows":3}""", "rows")]
    [InlineData("""{"rows":31}""", "rows")]
    [InlineData("""{"rows":"9"}""", "rows")]
    [InlineData("""{"rows":9.5}""", "rows")]
    [InlineData("""{"cols":3}""", "cols")]
    [InlineData("""{"cols":31}""", "cols")]
    [InlineData("""{"cols":"9"}""", "cols")]
    [InlineData("""{"cols":9.5}""", "cols")]
    [InlineData("""{"gold":0}""", "gold")]
    [InlineData("""{"rows":5,"cols":6,"gold":30}""", "gold")]
    [InlineData("""{"rules":"chess"}""", "rules")]
    [InlineData("""{"rules":5}""", "rules")]
    [InlineData("""{"name":5}""", "name")]
    [InlineData("""{"name":"bad\u0007name"}""", "name")]
    [InlineData("""{"rows":""", "body")]
    [InlineData("""[{"rows":9}]""", "body")]
    public async Task CreateRoom_WithAnInvalidBody_Is400ProblemNamingTheFieldAndCreatesNothing(string body, string field)
    {
        var response = await server.Http.PostAsync("/api/rooms", Json.Content(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        problem.Value<string>("field").Should().Be(field);
        problem.Value<string>("title").Should().NotBeNullOrWhiteSpace();
        (await server.RoomsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateRoom_WithABodyOver4KiB_Is413(bool announceLength)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"name":"{{new string('x', 4200)}}"}""");
        HttpContent content = announceLength
            ? new ByteArrayContent(body)
            : new StreamContent(new MemoryStream(body)); // no Content-Length: sent chunked, cut while reading
        content.Headers.ContentType = new("application/json");

        var response = await server.Http.PostAsync("/api/rooms", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        (await server.RoomsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateRoom_WithALongName_CutsItToTheConfiguredLength()
    {
        using var limited = new GoldMinerServer(new Dictionary<string, string?> { ["GoldMiner:Limits:RoomNameMaxLength"] = "10" });

        var id = await limited.CreateRoomAsync(new { name = "  A very long room name indeed  " });

        (await limited.RoomAsync(id)).Value<string>("name").Should().Be("A very lon");
    }

    [Fact]
    public async Task CreateRoom_TooOftenFromOneAddress_Is429Problem()
    {
        using var limited = new GoldMinerServer(new Dictionary<string, string?> { ["GoldMiner:Limits:RoomsPerMinutePerAddress"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            (await limited.Http.PostAsync("/api/rooms", Json.Content(new { }))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var response = await limited.Http.PostAsync("/api/rooms", Json.Content(new { }));

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.Should().NotBeNull("the client is told when to try again");
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("title").Should().NotBeNullOrWhiteSpace();
        (await limited.RoomsAsync()).Should().HaveCount(3);
    }

    [Fact]
    public async Task CreateRoom_BeyondMaxRooms_Is503AndHealthReportsUnhealthy()
    {
        using var capped = new GoldMinerServer(new Dictionary<string, string?> { ["GoldMiner:Limits:MaxRooms"] = "2" });
        await capped.CreateRoomAsync();
        await capped.CreateRoomAsync();

        var response = await capped.Http.PostAsync("/api/rooms", Json.Content(new { }));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be(ProblemJson);
        JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("title").Should().NotBeNullOrWhiteSpace();
        (await capped.RoomsAsync()).Should().HaveCount(2);
        var health = await capped.Http.GetAsync("/healthz");
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
    }

    [Fact]
    public async Task Health_WithRoomToSpare_Is200()
    {
        var response = await server.Http.GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/api/nothing")]
    [InlineData("/api/rooms/abc/extra")]
    public async Task UnknownUrl_Is404(string url)
    {
        var response = await server.Http.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
