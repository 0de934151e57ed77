using IamService.Api.Tests.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IamService.Client.Tests;

/// <summary>
/// The real IamService on a test database (see <see cref="DecisionTestBase"/>), and calling services whose
/// <see cref="IamClient"/> reaches it through the test server's in-memory handler.
/// </summary>
public abstract class ClientTestBase : DecisionTestBase
{
    /// <summary>What the calling services logged.</summary>
    protected RecordingLoggerProvider Logs { get; } = new();

    /// <summary>A user with the password <see cref="DecisionTestBase.UserPassword"/>, allowed (unless told
    /// otherwise) to ask for decisions about this account's users, as a calling service would be.</summary>
    protected async Task<string> ServiceUserAsync(bool mayAuthorize = true)
    {
        var name = Unique("svc");
        await SignedInUserAsync(name);
        if (mayAuthorize)
        {
            var users = $"arn:aws:iam::{Account}:user/*";
            await PutInlineAsync($"users/{name}", "may-authorize", Allow("iam:Authorize", users));
        }

        return name;
    }

    /// <summary>The services of a calling application with an <see cref="IamClient"/> configured so.</summary>
    protected ServiceProvider CallerServices(Action<IamClientOptions> configure, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        AddIamClient(services, configure);
        return services.BuildServiceProvider();
    }

    /// <summary>Adds the client the way an application would, pointed at the test server.</summary>
    protected IHttpClientBuilder AddIamClient(IServiceCollection services, Action<IamClientOptions> configure) =>
        services
            .AddIamClient(options =>
            {
                options.BaseAddress = Factory.Server.BaseAddress;
                configure(options);
            })
            .ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler());

    /// <summary>How many sessions a user has opened: one per sign-in.</summary>
    protected Task<int> SessionCountAsync(string userName)
    {
        var arn = UserArn(userName);
        return WithDbAsync(db => db.Sessions.CountAsync(s => s.PrincipalArn == arn));
    }
}
