using GoldMiner.Server.Connections;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Rooms;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoldMiner.Server.Health;

/// <summary>Healthy while the server can take another game: journal writable, below the room and connection caps.</summary>
public sealed class CapacityHealthCheck(RoomRegistry rooms, ConnectionRegistry connections, GameJournal journal) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["rooms"] = rooms.Count, ["connections"] = connections.Count };
        var result = !journal.IsHealthy
            ? HealthCheckResult.Unhealthy("The game journal cannot be written; moves are held back.", data: data)
            : rooms.IsFull || connections.IsFull
                ? HealthCheckResult.Unhealthy("At capacity: no room for another game.", data: data)
                : HealthCheckResult.Healthy($"{rooms.Count} rooms, {connections.Count} connections.", data);
        return Task.FromResult(result);
    }
}
