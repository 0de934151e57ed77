using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Accounts;
using IamService.Api.Storage;
using IamService.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IamService.Api.Tests.Infrastructure;

/// <summary>The real web host on a test database, with root's generated password captured instead of printed.</summary>
public class IamApiFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Root's first password; null lets the service generate one (captured in <see
    /// cref="Notices"/>).</summary>
    public string? RootPassword { get; init; } = "Root-password-for-tests-1";

    public string Environment { get; init; } = "Testing";

    public RecordingRootCredentialsNotice Notices { get; } = new();

    /// <summary>Every SQL command the host's DbContext sends.</summary>
    public SqlCommandCounter SqlCommands { get; } = new();

    /// <summary>Extra configuration, such as low <c>Limits:*</c> quotas that keep limit tests fast.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The service's clock; the system clock when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// PBKDF2 iterations of the host's password hashes. Tests sign in thousands of times, so they use far fewer
    /// than the service's default (ASP.NET Core's 100,000); null keeps the default.
    /// </summary>
    public int? PasswordHashIterations { get; init; } = 1_000;

    /// <summary>Signs root in through the host's own sign-in endpoint and returns the access token.</summary>
    public async Task<string> SignInAsRootAsync()
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync(
            "/api/v1/auth/login", new { userName = "root", password = RootPassword });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Root's sign-in failed with {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:Provider", Database.Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName}",
            Database.ConnectionString);
        builder.UseSetting(AccountBootstrapOptions.RootPasswordKey, RootPassword ?? "");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IRootCredentialsNotice>(Notices));
            services.ConfigureDbContext<IamDbContext>(options => options.AddInterceptors(SqlCommands));
            if (Clock is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(Clock));
            }

            if (PasswordHashIterations is { } iterations)
            {
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = iterations);
            }
        });
    }
}

/// <summary>Keeps what the service would have printed about root's generated password.</summary>
public sealed class RecordingRootCredentialsNotice : IRootCredentialsNotice
{
    private readonly List<(string AccountId, string Password)> _shown = [];

    public IReadOnlyList<(string AccountId, string Password)> Shown
    {
        get
        {
            lock (_shown)
            {
                return [.. _shown];
            }
        }
    }

    public void ShowGeneratedPassword(string accountId, string password)
    {
        lock (_shown)
        {
            _shown.Add((accountId, password));
        }
    }
}
