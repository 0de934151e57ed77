using System.Net;
using System.Net.Http.Headers;
using IamService.Client.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Client.Tests;

/// <summary>
/// A small application of its own that protects endpoints with <c>iam:</c> policies, asking the real IamService;
/// its users sign in to IamService and call it with their access tokens.
/// </summary>
public sealed class IamAuthorizationTests : ClientTestBase
{

    [Fact]
    public async Task An_allowed_user_gets_200_and_a_user_without_policies_gets_403()
    {
        var service = await ServiceUserAsync();
        var reader = await ReaderTokenAsync();
        var stranger = await SignedInUserAsync(Unique("stranger"));
        await using var app = await StartAppAsync(service, UserPassword);

        var allowed = await GetAsync(app, "/objects/reports/q3.pdf", reader);
        var denied = await GetAsync(app, "/objects/reports/q3.pdf", stranger);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("reports/q3.pdf", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task The_resource_comes_from_the_route_values()
    {
        var service = await ServiceUserAsync();
        var reader = await ReaderTokenAsync();
        await using var app = await StartAppAsync(service, UserPassword);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/objects/reports/a.txt", reader)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(app, "/objects/payroll/a.txt", reader)).StatusCode);
        Assert.Contains(
            "implicitDeny for s3:GetObject on arn:aws:s3:::payroll/a.txt", Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_request_is_challenged_and_IamService_is_not_asked()
    {
        var service = await ServiceUserAsync();
        await using var app = await StartAppAsync(service, UserPassword);
        var before = await SessionCountAsync(service);

        var response = await GetAsync(app, "/objects/reports/q3.pdf", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await SessionCountAsync(service));
    }

    [Fact]
    public async Task The_principal_arn_claim_can_name_the_user_instead_of_the_token()
    {
        var service = await ServiceUserAsync();
        var reader = await ReaderTokenAsync();
        var stranger = await SignedInUserAsync(Unique("stranger"));
        await using var app = await StartAppAsync(service, UserPassword, o => o.PrincipalArnClaimType = "arn");

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/objects/reports/q3.pdf", reader)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(app, "/objects/reports/q3.pdf", stranger)).StatusCode);
    }

    [Fact]
    public async Task The_context_resolver_supplies_condition_keys()
    {
        var service = await ServiceUserAsync();
        var name = Unique("approver");
        var token = await SignedInUserAsync(name);
        await PutInlineAsync($"users/{name}", "approved-only",
            Allow("s3:GetObject", condition: """{"Bool":{"app:approved":"true"}}"""));
        await using var app = await StartAppAsync(service, UserPassword, o => o.ContextResolver = http =>
            new Dictionary<string, ContextValue> { ["app:approved"] = http.Request.Query["approved"] == "yes" });

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/objects/b/k?approved=yes", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(app, "/objects/b/k?approved=no", token)).StatusCode);
    }

    [Fact]
    public async Task Other_policy_names_come_from_the_default_provider_without_asking_IamService()
    {
        var service = await ServiceUserAsync();
        var stranger = await SignedInUserAsync(Unique("stranger"));
        await using var app = await StartAppAsync(service, UserPassword);
        var before = await SessionCountAsync(service);

        var response = await GetAsync(app, "/signed-in", stranger);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await SessionCountAsync(service));
    }

    [Theory]
    [InlineData(false, UserPassword, "IamService answered 403 AccessDenied")]
    [InlineData(true, "Wrong-password-for-client-tests-8", "IamService answered 401 NotAuthenticated")]
    public async Task Fails_closed_when_IamService_answers_an_error_and_logs_why_without_secrets(
        bool serviceMayAuthorize,
        string servicePassword,
        string logged)
    {
        var service = await ServiceUserAsync(serviceMayAuthorize);
        var reader = await ReaderTokenAsync();
        await using var app = await StartAppAsync(service, servicePassword);

        var response = await GetAsync(app, "/objects/reports/q3.pdf", reader);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(logged, Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(servicePassword, Logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(reader, Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_closed_when_IamService_cannot_be_reached()
    {
        var reader = await ReaderTokenAsync();
        // Port 1 on the loopback interface has no listener: the connection is refused.
        await using var app = await StartAppAsync("svc", UserPassword, iamAddress: new Uri("http://127.0.0.1:1/"));

        var response = await GetAsync(app, "/objects/reports/q3.pdf", reader);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("IamService could not be reached", Logs.Text, StringComparison.Ordinal);
    }

    /// <summary>A signed-in user allowed to read the reports bucket; returns the user's access token.</summary>
    private async Task<string> ReaderTokenAsync()
    {
        var name = Unique("reader");
        var token = await SignedInUserAsync(name);
        await PutInlineAsync($"users/{name}", "read-reports", Allow("s3:GetObject", "arn:aws:s3:::reports/*"));
        return token;
    }

    private static async Task<HttpResponseMessage> GetAsync(WebApplication app, string path, string? token)
    {
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Starts the application: it checks IamService's tokens with the keys IamService publishes, and asks
    /// IamService (the test host unless <paramref name="iamAddress"/> says otherwise) as the given service user
    /// about the object named by the route.
    /// </summary>
    private async Task<WebApplication> StartAppAsync(
        string serviceUser,
        string password,
        Action<IamAuthorizationOptions>? configure = null,
        Uri? iamAddress = null)
    {
        var keys = new JsonWebKeySet(await Client.GetStringAsync("/.well-known/jwks.json")).GetSigningKeys();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "iamservice",
                ValidAudience = "iamservice",
                IssuerSigningKeys = keys,
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy("signed-in", p => p.RequireClaim("arn"));
        if (iamAddress is null)
        {
            AddIamClient(builder.Services, o => (o.UserName, o.Password) = (serviceUser, password));
        }
        else
        {
            builder.Services.AddIamClient(
                o => (o.BaseAddress, o.UserName, o.Password) = (iamAddress, serviceUser, password));
        }

        builder.Services.AddIamAuthorization(o =>
        {
            o.ResourceResolver = (http, _) =>
                $"arn:aws:s3:::{http.GetRouteValue("bucket")}/{http.GetRouteValue("key")}";
            configure?.Invoke(o);
        });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/objects/{bucket}/{key}",
            [Authorize(Policy = "iam:s3:GetObject")] (string bucket, string key) => $"{bucket}/{key}");
        app.MapGet("/signed-in", [Authorize(Policy = "signed-in")] () => "signed in");
        await app.StartAsync();
        return app;
    }
}
