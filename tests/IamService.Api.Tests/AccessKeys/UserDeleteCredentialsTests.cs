using System.Net;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.AccessKeys;

public sealed class UserDeleteCredentialsTests : CredentialTestBase
{
    [Fact]
    public async Task A_user_with_credentials_is_not_deleted_until_forced_and_force_removes_them()
    {
        var userName = Unique("creds");
        var (userId, keyId, _) = await CreateUserWithKeyAsync(userName);
        var (serial, _) = await EnableMfaDeviceAsync(userId);
        var deviceName = serial[(serial.LastIndexOf('/') + 1)..];
        await WithDbAsync(db =>
        {
            db.LoginProfiles.Add(new LoginProfile(userId, "not-a-real-hash", DateTimeOffset.UtcNow));
            db.MfaDevices.Add(new MfaDevice(userId, Unique("pending"), "not-a-seed", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        var refused = await Client.DeleteAsync($"/api/v1/users/{userName}");

        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict, "DeleteConflict");
        var remaining = problem.GetProperty("remaining");
        Assert.Equal([keyId], Names(remaining, "accessKeys"));
        Assert.Equal([userName], Names(remaining, "loginProfile"));
        // The pending device is not assigned yet, so only the enabled one blocks.
        Assert.Equal([deviceName], Names(remaining, "mfaDevices"));

        await OkAsync(await Client.DeleteAsync($"/api/v1/users/{userName}?force=true"), HttpStatusCode.NoContent);

        var left = await WithDbAsync(async db => (
            await db.AccessKeys.CountAsync(k => k.UserId == userId),
            await db.LoginProfiles.CountAsync(p => p.UserId == userId),
            await db.MfaDevices.CountAsync(d => d.PrincipalId == userId)));
        Assert.Equal((0, 0, 0), left);
    }

    [Fact]
    public async Task Deleting_a_user_ends_its_session_tokens_and_the_role_sessions_it_opened()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("leaver");
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var roleArn = await CreateTrustedRoleAsync(Unique("role"), TrustUser(accountId, userName));
        await PutUserPolicyAsync(userName, AllowAssumeRole(roleArn));
        var sessionToken = await SessionTokenAsync(keyId, secret);
        using var client = ClientWithToken(sessionToken);
        var assumed = await OkAsync(await AssumeRoleAsync(client, new { roleArn, roleSessionName = "s1" }));
        var roleToken = assumed.GetProperty("accessToken").GetString()!;

        await OkAsync(await Client.DeleteAsync($"/api/v1/users/{userName}?force=true"), HttpStatusCode.NoContent);

        Assert.NotNull((await SessionOfAsync(sessionToken)).RevokedAt);
        Assert.NotNull((await SessionOfAsync(roleToken)).RevokedAt);
        Assert.False(await TokenWorksAsync(sessionToken));
        Assert.False(await TokenWorksAsync(roleToken));
    }

    private static List<string> Names(System.Text.Json.JsonElement remaining, string member) =>
        [.. remaining.GetProperty(member).EnumerateArray().Select(e => e.GetString()!)];
}
