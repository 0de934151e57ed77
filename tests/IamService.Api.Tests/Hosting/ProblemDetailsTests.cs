using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Hosting;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreatePostgresAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task UnknownRoute_IsAProblemWithACode()
    {
        await using var factory = new IamApiFactory(_database);
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("NotFound", problem.GetProperty("code").GetString());
        Assert.Contains("/swagger", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_raised_by_routing_say_what_to_do()
    {
        await using var factory = new IamApiFactory(_database);
        using var client = factory.CreateClient();
        var token = await factory.SignInAsRootAsync();
        // Signed in: routing's own refusals come after authentication, so that they reveal no route to strangers.
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var wrongMethod = await client.PutAsync("/api/v1/auth/login", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains(HttpMethod.Post.Method, wrongMethod.Content.Headers.Allow);
        var methodProblem = await wrongMethod.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("MethodNotAllowed", methodProblem.GetProperty("code").GetString());
        Assert.Equal("This route does not take PUT requests: the Allow header lists the methods it takes.",
            methodProblem.GetProperty("detail").GetString());

        // A controller action and a minimal endpoint alike refuse a body that is not JSON before they run.
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/authorize" })
        {
            using var text = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");
            var unsupported = await client.PostAsync(path, text);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
            var problem = await unsupported.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("UnsupportedMediaType", problem.GetProperty("code").GetString());
            Assert.Equal("Send the request body as JSON, with Content-Type: application/json.",
                problem.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task UnhandledException_IsA500ProblemWithoutAStackTraceOutsideDevelopment(
        string environment,
        bool detailed)
    {
        await using var factory = new ThrowingApiFactory(_database) { Environment = environment };
        using var client = factory.CreateClient();

        var response = await client.GetAsync(ThrowingApiFactory.Path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(detailed, body.Contains(ThrowingApiFactory.Secret, StringComparison.Ordinal));
        if (!detailed)
        {
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("ServiceFailure", problem.GetProperty("code").GetString());
            Assert.Contains("traceId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("at IamService", body, StringComparison.Ordinal);
        }
    }

    /// <summary>The real host with one extra endpoint that fails, to see what a bug looks like from outside.</summary>
    private sealed class ThrowingApiFactory(TestDatabase database) : IamApiFactory(database)
    {
        public const string Path = "/test/throws";
        public const string Secret = "internal detail that must not leak";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>());
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowingApiFactory.Path, branch => branch.Run(_ =>
                throw new InvalidOperationException(ThrowingApiFactory.Secret)));
        };
    }
}
