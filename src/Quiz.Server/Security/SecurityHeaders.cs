namespace Quiz.Server.Security;

/// <summary>
/// Headers on every response. The pages load only same-origin scripts; inline styles stay allowed because the pages
/// set a few style attributes in markup (a width, a colour). /scalar loads its own scripts from a CDN, so it only gets framing refused.
/// </summary>
internal static class SecurityHeaders
{
    private const string PagesPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = PagesPolicy;
        }
        else
        {
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        }
    }
}
