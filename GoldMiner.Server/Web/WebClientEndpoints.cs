using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace GoldMiner.Server.Web;

/// <summary>
/// The browser client: the pages of wwwroot/ at <c>/</c> and the mini-program's utils/ at <c>/shared/</c>,
/// so the browser runs the very same protocol, board and reconnect code as the mini-program.
/// </summary>
/// <remarks>
/// Both are embedded in the assembly (see the csproj) rather than read from the content root:
/// the content root is the working directory, so <c>dotnet path/to/GoldMiner.Server.dll</c> started
/// from anywhere else would find no wwwroot, and utils/ lives outside this project altogether.
/// </remarks>
public static class WebClientEndpoints
{
    /// <summary>Resource-name prefixes given by the LogicalName of the csproj's EmbeddedResource items.</summary>
    private const string PagesNamespace = "GoldMiner.WebClient";
    private const string SharedNamespace = "GoldMiner.SharedUtils";

    // The pages load nothing from elsewhere; 'self' covers ws:// and wss:// to this host too.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseWebClient(this WebApplication app)
    {
        var assembly = typeof(WebClientEndpoints).Assembly;
        var pages = new EmbeddedFileProvider(assembly, PagesNamespace);
        var shared = new EmbeddedFileProvider(assembly, SharedNamespace);

        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages, OnPrepareResponse = AddHeaders });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = shared, RequestPath = "/shared", OnPrepareResponse = AddHeaders });
        return app;
    }

    private static void AddHeaders(StaticFileResponseContext context)
    {
        var response = context.Context.Response;
        var headers = response.Headers;

        // The files are UTF-8 (names, "×", "★"): say so rather than leave it to the browser's guess.
        if (response.ContentType is { } type && type.StartsWith("text/", StringComparison.Ordinal) && !type.Contains("charset", StringComparison.Ordinal))
        {
            response.ContentType = type + "; charset=utf-8";
        }

        // Revalidate every time (the ETag makes that a 304): a rebuilt server never serves a page
        // that is out of step with the shared scripts a browser still holds.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }
    }
}
