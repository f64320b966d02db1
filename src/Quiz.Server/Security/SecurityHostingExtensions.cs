using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Quiz.Contracts;
using Quiz.Core.Accounts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Security;

/// <summary>
/// Who may do what: JWT bearer accounts with roles, policies, login rate limiting, the origin allow-list and CORS,
/// security headers, a connection cap, and request logs that never print a query string (hub tokens travel there).
/// </summary>
internal static class SecurityHostingExtensions
{
    public static WebApplicationBuilder AddQuizSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(auth);
        services.AddSingleton(security);
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<AccountRoles>();
        services.AddSingleton<OriginGate>();
        // PostConfigure: the framework's own setup (ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts everyone) runs first, then this narrows it.
        services.PostConfigure<ForwardedHeadersOptions>(o => ForwardedHeaders.TrustOnly(o, security.KnownProxies));
        services.AddTransient<IClaimsTransformation, CurrentRolesTransformation>();
        services.AddHostedService<FirstAdmin>();
        services.AddDataProtection().SetApplicationName("Quiz");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer, RedisKeys>((o, redis, keys) => o.XmlRepository = new RedisXmlRepository(redis, keys));
        services.AddSingleton<IPhoneProtector, PhoneProtector>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenIssuer>((o, issuer) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = issuer.Validation();
            o.Events = new JwtBearerEvents
            {
                // Browsers cannot set headers on a WebSocket, so the hub takes the token from the query string.
                OnMessageReceived = c =>
                {
                    if (c.Request.Path.StartsWithSegments(HubMethods.Path) && c.Request.Query["access_token"] is { Count: 1 } token)
                    {
                        c.Token = token;
                    }
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Organizer, p => p.RequireRole(Roles.Organizers))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Judges));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policies.LoginLimiter, c => RateLimitPartition.GetFixedWindowLimiter(c.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = auth.LoginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(security.AllowedOrigins).AllowAnyHeader().AllowAnyMethod()
            .WithExposedHeaders("Content-Disposition")));

        // A process may open only 20,000 files here; past that the runtime aborts, so a node refuses connections well before.
        var maxConnections = builder.Configuration.GetValue("Quiz:Live:MaxConnections", 18_000L);
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxConcurrentConnections = maxConnections;
            o.Limits.MaxConcurrentUpgradedConnections = maxConnections;
        });
        // The request-start line holds the full URL, query string and all: hub tokens would land in the log.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }

    public static WebApplication UseQuizSecurity(this WebApplication app)
    {
        if (!ForwardedHeaders.RunByFramework(app.Configuration))
        {
            app.UseForwardedHeaders(); // first: every per-address limit below counts the client it establishes
        }
        var gate = app.Services.GetRequiredService<OriginGate>();
        app.Use(async (context, next) =>
        {
            SecurityHeaders.Apply(context);
            if (OriginGate.Guards(context.Request.Path) && !gate.Allows(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            // Who acts, for the audit log; a host-key holder is named by the contest it opened.
            var actor = context.User.Identity?.Name
                ?? (context.Request.Headers.ContainsKey("X-Host-Key") ? "host-key" : "anonymous");
            using (Actor.Use(actor))
            {
                await next(context);
            }
        });
        return app;
    }
}
