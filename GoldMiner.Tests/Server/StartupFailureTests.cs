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

        database.Execute("""
            INSERT INTO room_events (room_num, seq, kind, seat, cell_row, cell_col, at)
            SELECT num, 1, 'dig', 0, 0, 0, created_at FROM rooms
            """);

        await using var server = ServerProcess.Start(database.Path);

        (await server.WaitForExitAsync()).Should().Be(1);
        server.Output.Should().Contain("in the journal cannot be replayed");
    }
}
