using GoldMiner.Server.Connections;
using GoldMiner.Server.Rooms;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoldMiner.Server.Health;

/// <summary>Healthy while the server can take another game: below the room and connection caps.</summary>
public sealed class CapacityHealthCheck(RoomRegistry rooms, ConnectionRegistry connections) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["rooms"] = rooms.Count, ["connections"] = connections.Count };
        var result = rooms.IsFull || connections.IsFull
            ? HealthCheckResult.Unhealthy("At capacity: no room for another game.", data: data)
            : HealthCheckResult.Healthy($"{rooms.Count} rooms, {connections.Count} connections.", data);
        return Task.FromResult(result);
    }
}
