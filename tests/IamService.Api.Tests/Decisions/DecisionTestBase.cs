using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Auth;
using IamService.Api.Tests.Infrastructure;
using IamService.Data.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Decisions;

/// <summary>Asks the decision endpoint as root, and makes principals with policies through the API.</summary>
public abstract class DecisionTestBase : ApiTestBase
{
    /// <summary>The password of every user made by <see cref="SignedInUserAsync"/>.</summary>
    protected const string UserPassword = "Decisions-test-password-1";

    protected HttpClient Root { get; private set; } = null!;

    protected string Account { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Root = ClientWithToken(await SignInAsRootAsync());
        Account = await AccountIdAsync();
    }

    public override async Task DisposeAsync()
    {
        Root.Dispose();
        await base.DisposeAsync();
    }

    protected string UserArn(string name) => $"arn:aws:iam::{Account}:user/{name}";

    protected static string Allow(
        string action,
        string resource = "*",
        string effect = "Allow",
        string? condition = null)
    {
        var conditionMember = condition is null ? "" : ",\"Condition\":" + condition;
        var statement = $$"""
            {"Effect":"{{effect}}","Action":"{{action}}","Resource":"{{resource}}"{{conditionMember}}}
            """;
        return $$"""{"Version":"2012-10-17","Statement":[{{statement}}]}""";
    }

    protected async Task<JsonElement> DecideAsync(
        HttpClient client,
        object request,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync("/api/v1/authorize", request);
        return await OkAsync(response, expected);
    }

    protected async Task<string> DecisionAsync(
        string principalArn,
        string action,
        string resource,
        object? context = null) =>
        (await DecideAsync(Root, new { principalArn, action, resource, context }))
            .GetProperty("decision").GetString()!;

    /// <summary>Opens a session for a user as the sign-in would, with the session facts given.</summary>
    protected async Task<string> IssueTokenAsync(SessionRequest request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var issuer = scope.ServiceProvider.GetRequiredService<AccessTokenIssuer>();
        return (await issuer.IssueAsync(request, CancellationToken.None)).AccessToken;
    }

    /// <summary>A user with a password and no policies, signed in; returns the user's access token.</summary>
    protected async Task<string> SignedInUserAsync(string name)
    {
        var user = await CreateUserAsync(name);
        var userId = user.GetProperty("userId").GetString()!;
        await WithDbAsync(async db =>
        {
            var hasher = Factory.Services.GetRequiredService<IPasswordHasher<LoginProfile>>();
            var hash = hasher.HashPassword(null!, UserPassword);
            db.LoginProfiles.Add(new LoginProfile(userId, hash, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        return await SignInAsync(name, UserPassword);
    }
}
