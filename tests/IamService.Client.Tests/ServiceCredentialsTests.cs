using System.Net;
using IamService.Api.Auth;
using IamService.Api.PolicyCache;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IamService.Client.Tests;

/// <summary>How the calling service signs in: once, again shortly before expiry, and again when refused.</summary>
public sealed class ServiceCredentialsTests : ClientTestBase
{
    [Fact]
    public async Task One_sign_in_serves_many_calls_and_client_instances()
    {
        var service = await ServiceUserAsync();
        var before = await SessionCountAsync(service);
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));

        for (var i = 0; i < 3; i++)
        {
            await services.GetRequiredService<IamClient>()
                .AuthorizeAsync(AuthorizeRequest.ForPrincipal(UserArn(service), "s3:GetObject", "*"));
        }

        Assert.Equal(before + 1, await SessionCountAsync(service));
    }

    [Fact]
    public async Task The_token_is_replaced_once_it_is_within_the_refresh_margin_of_its_expiry()
    {
        var service = await ServiceUserAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var services = CallerServices(
            o => (o.UserName, o.Password, o.RefreshBeforeExpiry) = (service, UserPassword, TimeSpan.FromMinutes(5)),
            clock);
        var request = AuthorizeRequest.ForPrincipal(UserArn(service), "s3:GetObject", "*");
        await services.GetRequiredService<IamClient>().AuthorizeAsync(request);
        var afterFirst = await SessionCountAsync(service);
        var expiresAt = await LatestExpiryAsync(service);

        clock.Now = expiresAt - TimeSpan.FromMinutes(6);
        await services.GetRequiredService<IamClient>().AuthorizeAsync(request);
        var outsideMargin = await SessionCountAsync(service);
        clock.Now = expiresAt - TimeSpan.FromMinutes(4);
        await services.GetRequiredService<IamClient>().AuthorizeAsync(request);

        Assert.Equal(afterFirst, outsideMargin);
        Assert.Equal(afterFirst + 1, await SessionCountAsync(service));
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_by_a_new_sign_in_and_the_call_succeeds()
    {
        var service = await ServiceUserAsync();
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, UserPassword));
        var request = AuthorizeRequest.ForPrincipal(UserArn(service), "s3:GetObject", "*");
        await services.GetRequiredService<IamClient>().AuthorizeAsync(request);
        var before = await SessionCountAsync(service);

        await RevokeSessionsAsync(service);
        var answer = await services.GetRequiredService<IamClient>().AuthorizeAsync(request);

        Assert.Equal(IamDecision.ImplicitDeny, answer.Decision);
        Assert.Equal(before + 1, await SessionCountAsync(service));
        Assert.Contains("refused the token of " + service, Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_a_NotAuthenticated_exception_and_is_never_logged()
    {
        var service = await ServiceUserAsync();
        const string wrong = "Wrong-password-for-client-tests-7";
        await using var services = CallerServices(o => (o.UserName, o.Password) = (service, wrong));

        var error = await Assert.ThrowsAsync<IamServiceException>(() => services.GetRequiredService<IamClient>()
            .AuthorizeAsync(AuthorizeRequest.ForPrincipal(UserArn(service), "s3:GetObject", "*")));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("NotAuthenticated", error.Code);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_without_credentials_or_address_are_refused_with_what_to_set()
    {
        var services = new ServiceCollection();
        services.AddIamClient(o => o.BaseAddress = new Uri("relative/", UriKind.Relative));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IamClient>());

        Assert.Contains(error.Failures, f => f.Contains("BaseAddress", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("UserName and Password", StringComparison.Ordinal));
    }

    private Task<DateTimeOffset> LatestExpiryAsync(string userName)
    {
        var arn = UserArn(userName);
        return WithDbAsync(db => db.Sessions.Where(s => s.PrincipalArn == arn)
            .OrderByDescending(s => s.CreatedAt).Select(s => s.ExpiresAt).FirstAsync());
    }

    /// <summary>Revokes every session of a user, and waits until the service's cache has seen it, as a revocation
    /// through the API would.</summary>
    private async Task RevokeSessionsAsync(string userName)
    {
        var arn = UserArn(userName);
        await using var scope = Factory.Services.CreateAsyncScope();
        var ids = await WithDbAsync(db =>
            db.Sessions.Where(s => s.PrincipalArn == arn).Select(s => s.Id).ToListAsync());
        var revoker = scope.ServiceProvider.GetRequiredService<SessionRevoker>();
        foreach (var id in ids)
        {
            await revoker.RevokeSessionAsync(id, CancellationToken.None);
        }

        await Factory.Services.GetRequiredService<PostgresChangeFeed>().CatchUpAsync(CancellationToken.None);
    }
}
