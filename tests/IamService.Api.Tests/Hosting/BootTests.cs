using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Storage;
using IamService.Api.Tests.Infrastructure;
using IamService.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IamService.Api.Tests.Hosting;

public sealed class BootTests
{
    public static TheoryData<StorageProvider> Providers => [StorageProvider.Postgres, StorageProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Boot_FreshDatabase_IsReadyAndServesTheOpenApiDocument(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new IamApiFactory(database);
        using var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var ui = await client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal("IamService", openApi.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("http", openApi.GetProperty("components").GetProperty("securitySchemes")
            .GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Boot_WithConfiguredRootPassword_StoresOnlyAVerifiableHash(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new IamApiFactory(database)
        {
            RootPassword = "Chosen-root-password-7",
            PasswordHashIterations = null,
        };
        factory.CreateClient().Dispose();

        var (account, root) = await ReadAccountAsync(factory);

        Assert.Matches("^[0-9]{12}$", account.AccountId);
        Assert.DoesNotContain("Chosen-root-password-7", root.PasswordHash, StringComparison.Ordinal);
        // Success, not SuccessRehashNeeded: the service hashes with at least the default cost.
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<RootUser>().VerifyHashedPassword(root, root.PasswordHash, "Chosen-root-password-7"));
        Assert.Empty(factory.Notices.Shown);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Boot_TwiceOnOneDatabase_CreatesRootOnlyOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        Account firstAccount;
        RootUser firstRoot;
        string generated;
        await using (var first = new IamApiFactory(database) { RootPassword = null })
        {
            first.CreateClient().Dispose();
            (firstAccount, firstRoot) = await ReadAccountAsync(first);
            var shown = Assert.Single(first.Notices.Shown);
            Assert.Equal(firstAccount.AccountId, shown.AccountId);
            generated = shown.Password;
        }

        await using var second = new IamApiFactory(database) { RootPassword = "A-different-password-9" };
        second.CreateClient().Dispose();
        var (secondAccount, secondRoot) = await ReadAccountAsync(second);

        Assert.Empty(second.Notices.Shown);
        Assert.Equal(firstAccount.AccountId, secondAccount.AccountId);
        Assert.Equal(firstAccount.CreateDate, secondAccount.CreateDate);
        Assert.Equal(firstRoot.PasswordHash, secondRoot.PasswordHash);
        Assert.Equal(PasswordVerificationResult.Success,
            second.Services.GetRequiredService<IPasswordHasher<RootUser>>()
                .VerifyHashedPassword(secondRoot, secondRoot.PasswordHash, generated));
    }

    [Fact]
    public async Task Boot_TwoInstancesAtOnce_ShareOneAccount()
    {
        await using var database = await TestDatabase.CreatePostgresAsync();
        await using var first = new IamApiFactory(database) { RootPassword = null };
        await using var second = new IamApiFactory(database) { RootPassword = null };

        await Task.WhenAll(
            Task.Run(() => first.CreateClient().Dispose()),
            Task.Run(() => second.CreateClient().Dispose()));

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        Assert.Equal(1, await db.Accounts.CountAsync());
        Assert.Equal(1, await db.RootUsers.CountAsync());
        Assert.Single(first.Notices.Shown.Concat(second.Notices.Shown));
    }

    private static async Task<(Account Account, RootUser Root)> ReadAccountAsync(IamApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IamDbContext>();
        var account = await db.Accounts.AsNoTracking().SingleAsync();
        var root = await db.RootUsers.AsNoTracking().SingleAsync();
        return (account, root);
    }
}
