using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Guard;

/// <summary>
/// Every endpoint is guarded: each controller action and minimal endpoint names its IAM action or is one of the few
/// open ones, and every guarded route refuses a caller without a token (401) and a signed-in user without policies
/// (403) while root gets through. Endpoints for every method (health checks) are middleware pipelines, not API.
/// </summary>
public sealed partial class EndpointCoverageTests : GuardTestBase
{
    /// <summary>The endpoints that need no token: sign-in and its MFA step, the published signing keys, and
    /// the exchange of an access key for a session token.</summary>
    private static readonly HashSet<string> OpenEndpoints =
    [
        "POST api/v1/auth/login",
        "POST api/v1/auth/login/mfa",
        "GET .well-known/jwks.json",
        "POST api/v1/sts/session-token",
    ];

    [Fact]
    public void Every_endpoint_names_an_IAM_action_or_is_one_of_the_open_endpoints()
    {
        var unguarded = new List<string>();
        var open = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var metadata = endpoint.Metadata;
            var mapping = metadata.OfType<IamActionAttribute>().LastOrDefault();
            if (mapping is not null)
            {
                Assert.Matches(ActionName(), mapping.Action);
                var kind = endpoint.Controller?.GetCustomAttribute<IamHolderKindAttribute>();
                var usesKind = mapping.Action.Contains(IamActionAttribute.KindPlaceholder, StringComparison.Ordinal);
                Assert.True(
                    !usesKind || kind is not null, $"{endpoint.Name} uses {{Kind}} but its controller names no kind.");
            }
            else if (metadata.OfType<IAllowAnonymous>().Any())
            {
                open.Add(endpoint.Name);
            }
            else if (!metadata.OfType<AnyCallerAttribute>().Any())
            {
                unguarded.Add(endpoint.Name);
            }
        }

        Assert.Empty(unguarded);
        Assert.Equal(OpenEndpoints.Order(), open.Order());
        // The decision endpoints are minimal endpoints, not controller actions: they are found too.
        Assert.Contains(Endpoints(), e => e.Name == "POST api/v1/authorize/batch");
    }

    [Fact]
    public async Task Without_a_token_every_guarded_endpoint_answers_401()
    {
        var names = await EntitiesAsync();
        using var anonymous = AnonymousClient();

        foreach (var endpoint in Endpoints().Where(e => !OpenEndpoints.Contains(e.Name)))
        {
            var response = await SendAsync(anonymous, endpoint, names);
            await ProblemAsync(response, HttpStatusCode.Unauthorized, "NotAuthenticated");
        }
    }

    [Fact]
    public async Task A_user_without_policies_is_denied_every_guarded_endpoint_that_root_may_call()
    {
        var names = await EntitiesAsync();
        var userName = await UserWithPoliciesAsync("nobody");
        using var user = await SignedInAsync(userName);
        var guarded = Endpoints()
            .Select(e =>
                (Endpoint: e, Mapping: e.Metadata.OfType<IamActionAttribute>().LastOrDefault()))
            .Where(e => e.Mapping is not null)
            .ToList();
        Assert.True(guarded.Count > 60, $"only {guarded.Count} guarded endpoints were found");

        foreach (var (endpoint, mapping) in guarded)
        {
            // Changing one's own password is the password policy's to allow (as in IAM), and the decision
            // endpoints decide iam:Authorize themselves: both are tested on their own.
            if (mapping!.SetupStep == CredentialSetupStep.ChangePassword
                || mapping.Resource == IamResource.DecidedByEndpoint)
            {
                continue;
            }

            var response = await SendAsync(user, endpoint, names);
            var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
            Assert.Contains(
                "is not authorized to perform: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Root last, as its requests change and delete the entities.
        foreach (var (endpoint, _) in guarded)
        {
            var response = await SendAsync(Client, endpoint, names);
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"root got {response.StatusCode} from {endpoint.Name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task The_decision_endpoints_deny_a_user_without_iam_Authorize()
    {
        var userName = await UserWithPoliciesAsync("asker");
        var arn = (await GetJsonAsync($"/api/v1/users/{userName}")).GetProperty("arn").GetString()!;
        using var user = await SignedInAsync(userName);
        var request = new { principalArn = arn, action = "s3:GetObject", resource = "*" };

        await DeniedAsync(await user.PostAsJsonAsync("/api/v1/authorize", request), "iam:Authorize", arn);
        var batch = await OkAsync(
            await user.PostAsJsonAsync("/api/v1/authorize/batch", new { requests = new[] { request } }));
        Assert.Equal("AccessDenied", batch.GetProperty("results")[0].GetProperty("errorCode").GetString());
    }

    /// <summary>One user, group, role and managed policy, all with the same name, which fills every route.</summary>
    private async Task<string> EntitiesAsync()
    {
        var name = Unique("all");
        await CreateUserWithPasswordAsync(name);
        await CreateGroupAsync(name);
        await CreateRoleAsync(name);
        await CreatePolicyAsync(name);
        return name;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, string name)
    {
        var path = RouteValue().Replace(endpoint.Template, match => match.Groups[1].Value switch
        {
            "deviceName" => "device",
            "versionId" => "v1",
            "accessKeyId" => "AKIAIOSFODNN7EXAMPLE",
            _ => name,
        });
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), "/" + path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(new { });
        }

        return client.SendAsync(request);
    }

    /// <summary>Every routed endpoint, controller action or minimal endpoint, once per HTTP method.</summary>
    private IEnumerable<Endpoint> Endpoints()
    {
        var sources = Factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var route in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = route.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var template = route.RoutePattern.RawText!.TrimStart('/');
            var controller = route.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo;
            foreach (var method in methods)
            {
                yield return new Endpoint($"{method} {template}", method, template, route.Metadata, controller);
            }
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"^(iam|sts|access-analyzer):[A-Za-z{}]+$")]
    private static partial Regex ActionName();

    private sealed record Endpoint(
        string Name,
        string Method,
        string Template,
        EndpointMetadataCollection Metadata,
        Type? Controller);
}
