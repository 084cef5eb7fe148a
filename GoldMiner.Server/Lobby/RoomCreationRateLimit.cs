using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GoldMiner.Server.Lobby;

/// <summary>ASP.NET Core's rate limiter, partitioned by client address, guarding room creation.</summary>
public static class RoomCreationRateLimit
{
    public static IServiceCollection AddRoomCreationRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<System.Net.IPAddress, RoomCreationPolicy>(LobbyEndpoints.CreateRoomPolicy);
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
