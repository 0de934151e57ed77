using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.AccessKeys;

public sealed partial class AccessKeysApiTests : CredentialTestBase
{
    [Fact]
    public async Task Create_returns_the_secret_once_and_stores_only_its_hash()
    {
        var userName = Unique("keys");
        await CreateUserAsync(userName);

        var created = await OkAsync(
            await Client.PostAsync($"/api/v1/users/{userName}/access-keys", null), HttpStatusCode.Created);

        var keyId = created.GetProperty("accessKeyId").GetString()!;
        var secret = created.GetProperty("secretAccessKey").GetString()!;
        Assert.Matches(KeyIdPattern(), keyId);
        Assert.Equal(40, secret.Length);
        Assert.Equal("Active", created.GetProperty("status").GetString());
        var listResponse = await Client.GetAsync($"/api/v1/users/{userName}/access-keys");
        var listed = await listResponse.Content.ReadAsStringAsync();
        Assert.Contains(keyId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secretAccessKey", listed, StringComparison.Ordinal);
        var stored = await WithDbAsync(db => db.AccessKeys.AsNoTracking().SingleAsync(k => k.AccessKeyId == keyId));
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", stored.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_key_is_refused_with_LimitExceeded()
    {
        var userName = Unique("limit");
        await CreateUserAsync(userName);
        await CreateKeyAsync(userName);
        await CreateKeyAsync(userName);

        var third = await Client.PostAsync($"/api/v1/users/{userName}/access-keys", null);

        await ProblemAsync(third, HttpStatusCode.Conflict, "LimitExceeded");
        var list = await GetJsonAsync($"/api/v1/users/{userName}/access-keys");
        Assert.Equal(2, list.GetProperty("accessKeyMetadata").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_users_and_keys_are_NoSuchEntity_and_malformed_ids_a_ValidationError()
    {
        var userName = Unique("missing");
        await CreateUserAsync(userName);
        var other = Unique("other");
        await CreateUserAsync(other);
        var (otherKey, _) = await CreateKeyAsync(other);

        await ProblemAsync(
            await Client.PostAsync($"/api/v1/users/{Unique("nobody")}/access-keys", null),
            HttpStatusCode.NotFound, "NoSuchEntity");
        // Another user's key is not found through this user.
        await ProblemAsync(
            await PatchAsync($"/api/v1/users/{userName}/access-keys/{otherKey}", new { status = "Inactive" }),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await Client.DeleteAsync($"/api/v1/users/{userName}/access-keys/{otherKey}"),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await Client.GetAsync("/api/v1/access-keys/AKIA0000000000000000/last-used"),
            HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(
            await Client.GetAsync("/api/v1/access-keys/AKIAAAAAAAAAAAAAAAAA/last-used"),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Last_used_is_empty_until_the_key_gets_a_session_token()
    {
        var (_, keyId, secret) = await CreateUserWithKeyAsync(Unique("used"));

        var before = await GetJsonAsync($"/api/v1/access-keys/{keyId}/last-used");
        await SessionTokenAsync(keyId, secret);
        var afterResponse = await Client.GetAsync($"/api/v1/access-keys/{keyId}/last-used");
        var after = await OkAsync(afterResponse);

        Assert.Equal("N/A", before.GetProperty("accessKeyLastUsed").GetProperty("serviceName").GetString());
        Assert.False(before.GetProperty("accessKeyLastUsed").TryGetProperty("lastUsedDate", out _));
        Assert.Equal("sts", after.GetProperty("accessKeyLastUsed").GetProperty("serviceName").GetString());
        var lastUsed = after.GetProperty("accessKeyLastUsed").GetProperty("lastUsedDate").GetDateTimeOffset();
        Assert.InRange(lastUsed, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.DoesNotContain(secret, await afterResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_a_key_ends_its_sessions_and_refuses_new_ones_until_reactivated()
    {
        var userName = Unique("inactive");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var (otherKeyId, otherSecret) = await CreateKeyAsync(userName);
        var roleArn = await CreateTrustedRoleAsync(Unique("role"), Trust(new { AWS = await AccountIdAsync() }));
        await PutUserPolicyAsync(userName, AllowAssumeRole(roleArn));
        var token = await SessionTokenAsync(keyId, secret);
        using var client = ClientWithToken(token);
        var roleToken = await AssumedTokenAsync(client, roleArn);
        var otherToken = await SessionTokenAsync(otherKeyId, otherSecret);
        var keyUri = $"/api/v1/users/{userName}/access-keys/{keyId}";

        await OkAsync(await PatchAsync(keyUri, new { status = "Inactive" }), HttpStatusCode.NoContent);

        Assert.NotNull((await SessionOfAsync(token)).RevokedAt);
        Assert.False(await TokenWorksAsync(token));
        // The role session opened with the key's session token ends too; the user's other key is untouched.
        Assert.False(await TokenWorksAsync(roleToken));
        Assert.True(await TokenWorksAsync(otherToken));
        await ProblemAsync(
            await RequestSessionTokenAsync(new { accessKeyId = keyId, secretAccessKey = secret }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        var listed = await GetJsonAsync($"/api/v1/users/{userName}/access-keys");
        Assert.Equal("Inactive", listed.GetProperty("accessKeyMetadata")[0].GetProperty("status").GetString());

        await OkAsync(await PatchAsync(keyUri, new { status = "Active" }), HttpStatusCode.NoContent);
        Assert.True(await TokenWorksAsync(await SessionTokenAsync(keyId, secret)));
    }

    [Fact]
    public async Task Deleting_a_key_ends_its_sessions_and_the_key_stops_working()
    {
        var userName = Unique("deleted");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var token = await SessionTokenAsync(keyId, secret);

        await OkAsync(
            await Client.DeleteAsync($"/api/v1/users/{userName}/access-keys/{keyId}"), HttpStatusCode.NoContent);

        Assert.False(await TokenWorksAsync(token));
        await ProblemAsync(
            await RequestSessionTokenAsync(new { accessKeyId = keyId, secretAccessKey = secret }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        var list = await GetJsonAsync($"/api/v1/users/{userName}/access-keys");
        Assert.Equal(0, list.GetProperty("accessKeyMetadata").GetArrayLength());
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_key_and_an_inactive_key_get_the_same_answer()
    {
        var userName = Unique("same");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var (inactiveId, inactiveSecret) = await CreateKeyAsync(userName);
        await PatchAsync($"/api/v1/users/{userName}/access-keys/{inactiveId}", new { status = "Inactive" });

        var wrong = await ProblemAsync(
            await RequestSessionTokenAsync(new { accessKeyId = keyId, secretAccessKey = WrongSecret(secret) }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        var unknown = await ProblemAsync(
            await RequestSessionTokenAsync(new { accessKeyId = "AKIAAAAAAAAAAAAAAAAA", secretAccessKey = secret }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
        var inactive = await ProblemAsync(
            await RequestSessionTokenAsync(new { accessKeyId = inactiveId, secretAccessKey = inactiveSecret }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(wrong.GetProperty("detail").GetString(), inactive.GetProperty("detail").GetString());
    }

    private static string WrongSecret(string secret) => secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

    [GeneratedRegex("^AKIA[A-Z2-7]{16}$")]
    private static partial Regex KeyIdPattern();
}
