using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IamService.Data;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Infrastructure;

/// <summary>
/// One fresh database (already migrated) and one running API per test: xunit makes an instance of the class for
/// each test. Tests still create what they use under names (and, for lists, a path) of their own.
/// </summary>
public abstract class ApiTestBase : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    protected IamApiFactory Factory { get; private set; } = null!;

    /// <summary>A client of the host that sends root's bearer token, so that it may call every endpoint.</summary>
    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Root's access token, which <see cref="Client"/> sends.</summary>
    protected string RootToken { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>The service's clock; the system clock when null.</summary>
    protected virtual TimeProvider? ServiceClock => null;

    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateMigratedPostgresAsync();

    public virtual async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Factory = new IamApiFactory(Database) { Settings = Settings, Clock = ServiceClock };
        Client = Factory.CreateClient();
        RootToken = await SignInAsRootAsync();
        Client.DefaultRequestHeaders.Authorization = new("Bearer", RootToken);
    }

    /// <summary>A client of the same host that sends no token.</summary>
    protected HttpClient AnonymousClient() => Factory.CreateClient();

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A name no other test uses: the stem and 12 random hex digits.</summary>
    protected static string Unique(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 13)];

    /// <summary>A path no other test uses, for tests that list.</summary>
    protected static string UniquePath() => $"/t{Guid.NewGuid():N}/";

    /// <summary>Root's password in every test host (see <see cref="IamApiFactory.RootPassword"/>).</summary>
    protected string RootPassword => Factory.RootPassword!;

    /// <summary>Signs in with a password and returns the access token; fails the test if sign-in fails.</summary>
    protected async Task<string> SignInAsync(string userName, string password)
    {
        var response = await PostAsync("/api/v1/auth/login", new { userName, password });
        var body = await OkAsync(response);
        return body.GetProperty("accessToken").GetString()!;
    }

    protected Task<string> SignInAsRootAsync() => SignInAsync("root", RootPassword);

    /// <summary>A client of the same host that sends this bearer token with every request.</summary>
    protected HttpClient ClientWithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    protected async Task<string> AccountIdAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        return db.Accounts.Single().AccountId;
    }

    protected async Task<T> WithDbAsync<T>(Func<IamDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IamDbContext>());
    }

    /// <summary>A trust policy that lets EC2 assume a role.</summary>
    protected const string TrustPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
        "Action":"sts:AssumeRole"}]}
        """;

    /// <summary>An identity policy that allows one action on every resource, without warnings.</summary>
    protected static string IdentityPolicy(string action = "s3:GetObject") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"*"}]}""";

    protected Task<HttpResponseMessage> PostAsync(string uri, object body) => Client.PostAsJsonAsync(uri, body);

    protected Task<HttpResponseMessage> PutAsync(string uri, object body) => Client.PutAsJsonAsync(uri, body);

    protected Task<HttpResponseMessage> PatchAsync(string uri, object body) => Client.PatchAsJsonAsync(uri, body);

    protected Task<HttpResponseMessage> PostRawAsync(string uri, string json) =>
        Client.PostAsync(uri, new StringContent(json, Encoding.UTF8, "application/json"));

    protected async Task<JsonElement> CreateUserAsync(string name, string? path = null, object? tags = null)
    {
        var response = await PostAsync("/api/v1/users", new { userName = name, path, tags });
        return await OkAsync(response, HttpStatusCode.Created);
    }

    protected async Task<JsonElement> CreateGroupAsync(string name, string? path = null)
    {
        var response = await PostAsync("/api/v1/groups", new { groupName = name, path });
        return await OkAsync(response, HttpStatusCode.Created);
    }

    protected async Task<JsonElement> CreateRoleAsync(string name, string? path = null)
    {
        var response = await PostAsync("/api/v1/roles",
            new { roleName = name, path, assumeRolePolicyDocument = TrustPolicy });
        return await OkAsync(response, HttpStatusCode.Created);
    }

    protected async Task<JsonElement> CreatePolicyAsync(string name, string? path = null, string? document = null)
    {
        var response = await PostAsync(
            "/api/v1/policies", new { policyName = name, path, policyDocument = document ?? IdentityPolicy() });
        return await OkAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Attaches a managed policy to a user, group or role (<paramref name="holder"/> is e.g.
    /// <c>users/bob</c>).</summary>
    protected async Task AttachAsync(string holder, string policyName)
    {
        var response = await Client.PutAsync($"/api/v1/{holder}/attached-policies/{policyName}", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    protected async Task PutInlineAsync(string holder, string policyName, string document)
    {
        var response = await PutAsync($"/api/v1/{holder}/inline-policies/{policyName}",
            new { policyDocument = document });
        await OkAsync(response);
    }

    protected async Task AddToGroupAsync(string groupName, string userName)
    {
        var response = await Client.PutAsync($"/api/v1/groups/{groupName}/users/{userName}", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    protected async Task<JsonElement> GetJsonAsync(string uri) => await OkAsync(await Client.GetAsync(uri));

    protected static async Task<JsonElement> OkAsync(
        HttpResponseMessage response,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with this status and IAM code, and returns it.</summary>
    protected static async Task<JsonElement> ProblemAsync(
        HttpResponseMessage response,
        HttpStatusCode status,
        string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), body);
        return problem;
    }

    protected static List<string> Names(JsonElement list, string member, string nameMember) =>
        [.. list.GetProperty(member).EnumerateArray().Select(e => e.GetProperty(nameMember).GetString()!)];
}
