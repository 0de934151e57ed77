using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using IamService.Api.Tests.SignIn;

namespace IamService.Api.Tests.Guard;

/// <summary>Signed-in users with chosen policies, to call the API as someone other than root.</summary>
public abstract class GuardTestBase : SignInTestBase
{
    private static readonly JsonSerializerOptions PolicyJson =
        new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>A policy document with one statement; <paramref name="condition"/> is its Condition block.</summary>
    protected static string Statement(string effect, object actions, object resources, object? condition = null) =>
        JsonSerializer.Serialize(
            new
            {
                Version = "2012-10-17",
                Statement = new[]
                {
                    new { Effect = effect, Action = actions, Resource = resources, Condition = condition },
                },
            },
            PolicyJson);

    protected static string Allow(object actions, object? resources = null, object? condition = null) =>
        Statement("Allow", actions, resources ?? "*", condition);

    protected static string Deny(object actions, object? resources = null) =>
        Statement("Deny", actions, resources ?? "*");

    /// <summary>A new user with a password and these inline policies; returns its name.</summary>
    protected async Task<string> UserWithPoliciesAsync(string stem, params string[] documents)
    {
        var userName = Unique(stem);
        await CreateUserWithPasswordAsync(userName);
        for (var i = 0; i < documents.Length; i++)
        {
            await PutInlineAsync($"users/{userName}", $"p{i}", documents[i]);
        }

        return userName;
    }

    /// <summary>A client that sends the user's access token, from a password sign-in without MFA.</summary>
    protected async Task<HttpClient> SignedInAsync(string userName, string password = GoodPassword) =>
        ClientWithToken(await SignInAsync(userName, password));

    /// <summary>Asserts a 403 AccessDenied problem naming the action (and the resource); returns its detail.</summary>
    protected static async Task<string> DeniedAsync(
        HttpResponseMessage response,
        string action,
        string? resource = null)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"perform: {action} on resource: ", detail, StringComparison.Ordinal);
        if (resource is not null)
        {
            Assert.Contains($"on resource: {resource} ", detail, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Statement", detail, StringComparison.Ordinal);
        return detail;
    }

    protected static async Task<JsonElement> CreatedAsync(HttpClient client, string uri, object body) =>
        await OkAsync(await client.PostAsJsonAsync(uri, body), HttpStatusCode.Created);
}
