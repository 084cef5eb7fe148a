using GoldMiner.Server.Persistence;
using GoldMiner.Tests.Server.Support;

namespace GoldMiner.Tests.Server;

/// <summary>A database the server cannot use stops it at start-up, loudly: never a silent empty lobby.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task CorruptDatabaseFile_StopsTheServerWithAClearError()
    {
        await File.WriteAllTextAsync(database.Path, string.Concat(Enumerable.Repeat("this is not a database ", 500)));

        await using var server = ServerProcess.Start(database.Path);

        (await server.WaitForExitAsync()).Should().Be(1);
        server.Output.Should().Contain($"The game database '{database.Path}' cannot be used");
    }

    [Fact]
    public async Task DatabaseInAFolderThatDoesNotExist_StopsTheServerWithAClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "goldminer.db");

        await using var server = ServerProcess.Start(path);

        (await server.WaitForExitAsync()).Should().Be(1);
        server.Output.Should().Contain($"The game database '{path}' cannot be used");
    }

    [Fact]
    public async Task JournalThatCannotBeReplayed_StopsTheServerNamingTheRoom()
    {
        await using (var first = await ServerProcess.StartReadyAsync(database.Path))
        {
            await first.Http.PostAsync("/api/rooms", Json.Content(new { rows = 5, cols = 5, gold = 3 }));
            first.Terminate();
            await first.WaitForExitAsync();
        }

        // A dig before anyone joined, in the room's events as the store encodes them.
        var dig = new ByteBuffer();
        RecordEncoding.WriteEvent(dig, new RoomEventRecord("", 1, RoomEventKind.Dig, 0, 0, 0, null, null, DateTimeOffset.UtcNow));
        database.Execute($"INSERT INTO game_events (room_num, events, through_lsn) SELECT num, X'{Convert.ToHexString(dig.Written)}', 0 FROM rooms");

        await using var server = ServerProcess.Start(database.Path);

        (await server.WaitForExitAsync()).Should().Be(1);
        server.Output.Should().Contain("in the journal cannot be replayed");
    }
}
