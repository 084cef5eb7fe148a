using System.Threading.RateLimiting;
using GoldMiner.Server.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Lobby;

/// <summary>ASP.NET Core's rate limiter, partitioned by client address, guarding room creation.</summary>
public static class RoomCreationRateLimit
{
    public static IServiceCollection AddRoomCreationRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LobbyEndpoints.CreateRoomPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<GoldMinerOptions>>().Value.Limits.RoomsPerMinutePerAddress;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                var http = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Title = "Too many rooms created from this address; wait a minute.", Status = StatusCodes.Status429TooManyRequests },
                });
            };
        });
}
