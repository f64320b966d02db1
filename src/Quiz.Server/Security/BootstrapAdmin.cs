using Mediator;
using Quiz.Core.Accounts;
using Quiz.Core.Common;
using Quiz.Core.Features.Accounts;
using StackExchange.Redis;

namespace Quiz.Server.Security;

/// <summary>
/// Creates the first admin from Quiz:Auth:BootstrapAdmin and Quiz:Auth:BootstrapPassword while the store holds no
/// account. There is no default password: without both settings nobody is created, and a weak password stops the
/// server at start. Done before the node serves requests when the store answers, else as soon as it does.
/// </summary>
internal sealed partial class BootstrapAdmin(AuthOptions options, IServiceProvider services, ILogger<BootstrapAdmin> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.BootstrapAdmin))
        {
            return;
        }
        var errors = AccountRules.UserNameErrors(options.BootstrapAdmin).Concat(AccountRules.PasswordErrors(options.BootstrapAdmin, options.BootstrapPassword)).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Quiz:Auth:BootstrapAdmin/BootstrapPassword refused: "
                + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
        }
        if (services.GetRequiredService<IConnectionMultiplexer>().IsConnected)
        {
            await CreateAsync(cancellationToken);
            return;
        }
        _ = Task.Run(async () =>
        {
            while (!services.GetRequiredService<IConnectionMultiplexer>().IsConnected)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
            }
            await CreateAsync(_stopping.Token);
        }, _stopping.Token);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    private async Task CreateAsync(CancellationToken ct)
    {
        try
        {
            if ((await services.GetRequiredService<IAccountStore>().ListAsync(ct)).Count > 0)
            {
                return;
            }
            await services.GetRequiredService<ISender>().Send(new CreateAccount(options.BootstrapAdmin!, options.BootstrapPassword!, [Roles.Admin]), ct);
            Created(logger, options.BootstrapAdmin!);
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

    [LoggerMessage(LogLevel.Error, "First admin account not created; it will be tried at the next start")]
    private static partial void NotCreated(ILogger logger, Exception exception);
}
