using Microsoft.AspNetCore.StaticFiles;

namespace Quiz.Server.Hosting;

/// <summary>
/// The pages: static files from wwwroot (plain HTML, ES modules and CSS, no build step), each at a clean path.
/// The participant page is the QR code's target (/play?code=…); the host's key travels in the URL fragment, which
/// browsers never send, so it stays out of server and proxy logs.
/// </summary>
internal static class PagesHostingExtensions
{
    private static readonly string[] Pages = ["play", "host", "screen", "admin", "accounts", "check", "buzz", "round", "assessment", "assessment-screen", "assessment-profile"];

    public static IServiceCollection AddQuizPages(this IServiceCollection services) =>
        services.Configure<StaticFileOptions>(o =>
        {
            // Pages and scripts change with each release; revalidate instead of serving a stale copy after an upgrade.
            o.OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache";
            o.ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".mjs"] = "text/javascript" } };
        });

    public static void MapQuizPages(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        foreach (var page in Pages)
        {
            app.MapFallbackToFile($"/{page}", $"{page}.html");
        }
        // Browsers ask for /favicon.ico on every page; a 404 there is a console error on every page.
        app.MapFallbackToFile("/favicon.ico", "favicon.svg");
    }
}
