using System.Net;
using System.Threading.RateLimiting;
using GoldMiner.Server.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Lobby;

/// <summary>
/// A fixed window of <see cref="LimitsOptions.RoomsPerMinutePerAddress"/> rooms per client address.
/// </summary>
/// <remarks>
/// Made once, with the limiter's factory made once: a policy written as a lambda made a closure,
/// two delegates and the address as a string on every room created, that is on every game
/// (docs/performance.md, round 12). The partition key is the address itself, which the connection
/// already holds.
/// </remarks>
internal sealed class RoomCreationPolicy(IOptions<GoldMinerOptions> options) : IRateLimiterPolicy<IPAddress>
{
    private readonly Func<IPAddress, RateLimiter> newLimiter = NewLimiterFactory(options.Value.Limits.RoomsPerMinutePerAddress);

    /// <summary>None of its own: the limiter's <c>OnRejected</c> writes the problem details.</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<IPAddress> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(httpContext.Connection.RemoteIpAddress ?? IPAddress.None, newLimiter);

    private static Func<IPAddress, RateLimiter> NewLimiterFactory(int perMinute) =>
        _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,

            // The partitioned limiter replenishes all its partitions from one timer of its own, as
            // RateLimitPartition.GetFixedWindowLimiter arranges: a timer per address would be one more.
            AutoReplenishment = false,
        });
}
