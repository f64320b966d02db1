using Mediator;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Quiz.Core.Accounts;
using Quiz.Core.Common;
using Quiz.Core.Features.Accounts;
using StackExchange.Redis;

namespace Quiz.Server.Security;

/// <summary>
/// The first admin, on a store that holds no account. Scripted installs name it in Quiz:Auth:BootstrapAdmin and
/// Quiz:Auth:BootstrapPassword (a weak password stops the server at start, before it listens); otherwise the node
/// prints a one-time setup code in its log, with which /admin creates the first admin (CreateFirstAdmin). There is no
/// default password. Both happen once the server listens, so a start that fails (the address is taken) has created
/// nothing; before the host reports started when the store answers, else as soon as it does.
/// </summary>
internal sealed partial class FirstAdmin(AuthOptions options, IServiceProvider services, Microsoft.AspNetCore.Hosting.Server.IServer server, ILogger<FirstAdmin> logger)
    : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();

    private bool Scripted => !string.IsNullOrWhiteSpace(options.BootstrapAdmin);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Scripted)
        {
            var errors = AccountRules.UserNameErrors(options.BootstrapAdmin).Concat(AccountRules.PasswordErrors(options.BootstrapAdmin, options.BootstrapPassword)).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("Quiz:Auth:BootstrapAdmin/BootstrapPassword refused: "
                    + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>After every hosted service started, the server included: it listens.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        if (redis.IsConnected)
        {
            await EnsureAsync(cancellationToken);
            return;
        }
        _ = Task.Run(async () =>
        {
            while (!redis.IsConnected)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
            }
            await EnsureAsync(_stopping.Token);
        }, _stopping.Token);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAsync(CancellationToken ct)
    {
        try
        {
            var store = services.GetRequiredService<IAccountStore>();
            if (await store.AnyAsync(ct))
            {
                return;
            }
            if (Scripted)
            {
                await services.GetRequiredService<ISender>().Send(new CreateAccount(options.BootstrapAdmin!, options.BootstrapPassword!, [Roles.Admin]), ct);
                Created(logger, options.BootstrapAdmin!);
                return;
            }
            var code = SetupCodes.New();
            await store.AddSetupCodeAsync(SetupCodes.Hash(code), ct);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
            SetupCodeIssued(logger, address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal), code);
        }
        catch (DomainException)
        {
            // Another node created it first.
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            NotCreated(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "First admin account '{UserName}' created from Quiz:Auth:BootstrapAdmin; remove the password from the settings")]
    private static partial void Created(ILogger logger, string userName);

    [LoggerMessage(LogLevel.Warning, "No account exists yet. Open {Address}/admin and create the first admin with the setup code {SetupCode} "
        + "(it works once, until an account exists; scripted installs set Quiz:Auth:BootstrapAdmin and BootstrapPassword instead)")]
    private static partial void SetupCodeIssued(ILogger logger, string address, string setupCode);

    [LoggerMessage(LogLevel.Error, "First admin account not created; it will be tried at the next start")]
    private static partial void NotCreated(ILogger logger, Exception exception);
}
