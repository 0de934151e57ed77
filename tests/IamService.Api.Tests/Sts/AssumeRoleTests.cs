using System.Net;
using System.Text.Json;
using IamService.Api.Tests.AccessKeys;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IamService.Api.Tests.Sts;

public sealed class AssumeRoleTests : CredentialTestBase
{
    [Fact]
    public async Task A_user_trusted_by_the_role_and_allowed_by_its_own_policy_gets_a_role_session()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("assumer");
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var roleName = Unique("role");
        var roleArn = await CreateTrustedRoleAsync(roleName, TrustUser(accountId, userName));
        await PutUserPolicyAsync(userName, AllowAssumeRole(roleArn));
        const string sessionPolicy =
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}]}""";
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));

        var body = await OkAsync(await AssumeRoleAsync(client, new
        {
            roleArn,
            roleSessionName = "deploy-1",
            // As a JSON object; stored as its text.
            policy = JsonDocument.Parse(sessionPolicy).RootElement,
            durationSeconds = 1800,
        }));

        var roleId = await WithDbAsync(db => db.Roles.Where(r => r.Name == roleName).Select(r => r.Id).SingleAsync());
        var sessionArn = $"arn:aws:sts::{accountId}:assumed-role/{roleName}/deploy-1";
        Assert.Equal(sessionArn, body.GetProperty("assumedRoleUser").GetProperty("arn").GetString());
        var assumedRoleId = body.GetProperty("assumedRoleUser").GetProperty("assumedRoleId").GetString();
        Assert.Equal($"{roleId}:deploy-1", assumedRoleId);
        var accessToken = body.GetProperty("accessToken").GetString()!;
        var token = new JsonWebToken(accessToken);
        Assert.Equal(sessionArn, token.GetClaim("arn").Value);
        Assert.Equal($"{roleId}:deploy-1", token.GetClaim("uid").Value);
        Assert.Equal("assumedRole", token.GetClaim("knd").Value);
        var session = await SessionOfAsync(accessToken);
        Assert.Equal(SessionKind.AssumedRole, session.Kind);
        Assert.Equal(roleId, session.PrincipalId);
        Assert.Equal(userId, session.SourcePrincipalId);
        Assert.Equal(keyId, session.SourceAccessKeyId);
        Assert.Equal("deploy-1", session.RoleSessionName);
        Assert.Equal(sessionPolicy, session.SessionPolicy);
        Assert.Equal(TimeSpan.FromMinutes(30), session.ExpiresAt - session.CreatedAt);
    }

    [Fact]
    public async Task A_trust_policy_that_names_someone_else_refuses_the_caller()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("untrusted");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var roleArn = await CreateTrustedRoleAsync(
            Unique("role"), Trust(new { AWS = $"arn:aws:iam::{accountId}:user/{Unique("someone")}" }));
        await PutUserPolicyAsync(userName, AllowAssumeRole("*"));
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));

        var response = await AssumeRoleAsync(client, new { roleArn, roleSessionName = "s1" });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Contains("trust policy", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_whose_own_policies_do_not_allow_sts_AssumeRole_is_refused_even_when_trusted()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("nopolicy");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var roleArn = await CreateTrustedRoleAsync(
            Unique("role"), TrustUser(accountId, userName));
        // Allowed on another role only.
        await PutUserPolicyAsync(userName, AllowAssumeRole($"arn:aws:iam::{accountId}:role/{Unique("other")}"));
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));

        var response = await AssumeRoleAsync(client, new { roleArn, roleSessionName = "s1" });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("no identity-based policy allows the sts:AssumeRole action", detail, StringComparison.Ordinal);
        Assert.Contains(roleArn, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_without_permission_learns_nothing_about_which_roles_exist()
    {
        var (_, keyId, secret) = await CreateUserWithKeyAsync(Unique("prober"));
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));
        var missing = $"arn:aws:iam::{await AccountIdAsync()}:role/{Unique("missing")}";

        var response = await AssumeRoleAsync(client, new { roleArn = missing, roleSessionName = "s1" });

        await ProblemAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task A_permitted_caller_naming_a_missing_role_gets_NoSuchEntity()
    {
        var userName = Unique("missing");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        await PutUserPolicyAsync(userName, AllowAssumeRole("*"));
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));
        var missing = $"arn:aws:iam::{await AccountIdAsync()}:role/{Unique("missing")}";

        var response = await AssumeRoleAsync(client, new { roleArn = missing, roleSessionName = "s1" });

        await ProblemAsync(response, HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task A_trust_policy_that_requires_MFA_refuses_without_a_code_and_allows_with_one()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("mfarole");
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var (serial, seed) = await EnableMfaDeviceAsync(userId);
        var roleArn = await CreateTrustedRoleAsync(Unique("role"), Trust(
            new { AWS = accountId },
            new { Bool = new Dictionary<string, string> { ["aws:MultiFactorAuthPresent"] = "true" } }));
        await PutUserPolicyAsync(userName, AllowAssumeRole(roleArn));
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));

        var without = await AssumeRoleAsync(client, new { roleArn, roleSessionName = "s1" });
        var with = await AssumeRoleAsync(client, new
        {
            roleArn,
            roleSessionName = "s2",
            serialNumber = serial,
            tokenCode = CurrentCode(seed),
        });

        await ProblemAsync(without, HttpStatusCode.Forbidden, "AccessDenied");
        var body = await OkAsync(with);
        Assert.NotNull((await SessionOfAsync(body.GetProperty("accessToken").GetString()!)).MfaAuthTime);
    }

    [Fact]
    public async Task An_MFA_session_token_satisfies_a_trust_policy_that_requires_MFA()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("mfatoken");
        var (userId, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var (serial, seed) = await EnableMfaDeviceAsync(userId);
        var roleArn = await CreateTrustedRoleAsync(Unique("role"), Trust(
            new { AWS = accountId },
            new { Bool = new Dictionary<string, string> { ["aws:MultiFactorAuthPresent"] = "true" } }));
        await PutUserPolicyAsync(userName, AllowAssumeRole(roleArn));
        var sessionToken = await OkAsync(await RequestSessionTokenAsync(new
        {
            accessKeyId = keyId,
            secretAccessKey = secret,
            serialNumber = serial,
            tokenCode = CurrentCode(seed),
        }));
        using var client = ClientWithToken(sessionToken.GetProperty("accessToken").GetString()!);

        var response = await AssumeRoleAsync(client, new { roleArn, roleSessionName = "s1" });

        await OkAsync(response);
    }

    [Fact]
    public async Task Root_needs_no_policy_of_its_own_but_the_trust_policy_must_allow_it()
    {
        var accountId = await AccountIdAsync();
        var trusted = await CreateTrustedRoleAsync(Unique("role"), TrustRoot(accountId));
        var untrusted = await CreateTrustedRoleAsync(
            Unique("role"), Trust(new { AWS = $"arn:aws:iam::{accountId}:user/{Unique("someone")}" }));
        using var root = ClientWithToken(await SignInAsRootAsync());

        var allowed = await AssumeRoleAsync(root, new { roleArn = trusted, roleSessionName = "admin" });
        var refused = await AssumeRoleAsync(root, new { roleArn = untrusted, roleSessionName = "admin" });

        var session = await SessionOfAsync((await OkAsync(allowed)).GetProperty("accessToken").GetString()!);
        Assert.Equal(accountId, session.SourcePrincipalId);
        await ProblemAsync(refused, HttpStatusCode.Forbidden, "AccessDenied");
    }

    [Fact]
    public async Task A_tag_condition_in_the_trust_policy_reads_the_callers_tags()
    {
        var accountId = await AccountIdAsync();
        var teamA = Unique("team");
        var member = Unique("member");
        var outsider = Unique("outsider");
        await CreateUserAsync(member, tags: new[] { new { key = "team", value = teamA } });
        await CreateUserAsync(outsider, tags: new[] { new { key = "team", value = "other" } });
        var roleArn = await CreateTrustedRoleAsync(Unique("role"), Trust(
            new { AWS = accountId },
            new { StringEquals = new Dictionary<string, string> { ["aws:PrincipalTag/team"] = teamA } }));
        var clients = new List<HttpClient>();
        foreach (var name in new[] { member, outsider })
        {
            await PutUserPolicyAsync(name, AllowAssumeRole(roleArn));
            var (keyId, secret) = await CreateKeyAsync(name);
            clients.Add(ClientWithToken(await SessionTokenAsync(keyId, secret)));
        }

        var allowed = await AssumeRoleAsync(clients[0], new { roleArn, roleSessionName = "s1" });
        var refused = await AssumeRoleAsync(clients[1], new { roleArn, roleSessionName = "s1" });

        await OkAsync(allowed);
        await ProblemAsync(refused, HttpStatusCode.Forbidden, "AccessDenied");
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_malformed_session_policy_bad_names_and_durations_are_refused()
    {
        var accountId = await AccountIdAsync();
        var roleArn = await CreateTrustedRoleAsync(Unique("role"), TrustRoot(accountId));
        using var root = ClientWithToken(await SignInAsRootAsync());

        var malformed = await AssumeRoleAsync(root, new
        {
            roleArn,
            roleSessionName = "s1",
            policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}""",
        });
        var badName = await AssumeRoleAsync(root, new { roleArn, roleSessionName = "a b" });
        // The role's maximum session duration is one hour.
        var tooLong = await AssumeRoleAsync(root, new { roleArn, roleSessionName = "s1", durationSeconds = 3601 });
        var badArn = await AssumeRoleAsync(root, new { roleArn = "arn:aws:iam::123:role/x", roleSessionName = "s1" });

        var problem = await ProblemAsync(malformed, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.EndsWith(".Effect", error.GetProperty("path").GetString(), StringComparison.Ordinal);
        await ProblemAsync(badName, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(tooLong, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(badArn, HttpStatusCode.BadRequest, "ValidationError");
    }

    [Fact]
    public async Task Without_an_access_token_assume_role_is_NotAuthenticated()
    {
        using var anonymous = AnonymousClient();
        var response = await AssumeRoleAsync(
            anonymous, new { roleArn = "arn:aws:iam::123456789012:role/r", roleSessionName = "s1" });

        await ProblemAsync(response, HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Fact]
    public async Task A_role_session_may_do_only_what_both_the_role_and_the_session_policy_allow()
    {
        var accountId = await AccountIdAsync();
        var (first, firstArn) = await CreateRoleAllowingAssumeRoleAsync(accountId, "*");
        var second = await CreateTrustedRoleAsync(Unique("second"), Trust(new { AWS = accountId }));
        var third = await CreateTrustedRoleAsync(Unique("third"), Trust(new { AWS = accountId }));
        using var root = ClientWithToken(await SignInAsRootAsync());
        using var limited = ClientWithToken(await AssumedTokenAsync(root, firstArn, AllowAssumeRole(second)));
        using var unlimited = ClientWithToken(await AssumedTokenAsync(root, firstArn));

        var withinBoth = await AssumeRoleAsync(limited, new { roleArn = second, roleSessionName = "s1" });
        var outsideSession = await AssumeRoleAsync(limited, new { roleArn = third, roleSessionName = "s1" });
        var withoutSessionPolicy = await AssumeRoleAsync(unlimited, new { roleArn = third, roleSessionName = "s1" });

        await OkAsync(withinBoth);
        var refused = await ProblemAsync(outsideSession, HttpStatusCode.Forbidden, "AccessDenied");
        var detail = refused.GetProperty("detail").GetString();
        Assert.Contains("no session policy allows", detail, StringComparison.Ordinal);
        Assert.Contains($"assumed-role/{first}/", detail, StringComparison.Ordinal);
        await OkAsync(withoutSessionPolicy);
    }

    [Fact]
    public async Task A_session_policy_grants_nothing_that_the_role_does_not_allow()
    {
        var accountId = await AccountIdAsync();
        var allowedTarget = await CreateTrustedRoleAsync(Unique("target"), Trust(new { AWS = accountId }));
        var otherTarget = await CreateTrustedRoleAsync(Unique("target"), Trust(new { AWS = accountId }));
        var (_, roleArn) = await CreateRoleAllowingAssumeRoleAsync(accountId, allowedTarget);
        using var root = ClientWithToken(await SignInAsRootAsync());
        using var session = ClientWithToken(await AssumedTokenAsync(root, roleArn, AllowAssumeRole("*")));

        var response = await AssumeRoleAsync(session, new { roleArn = otherTarget, roleSessionName = "s1" });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Contains(
            "no identity-based policy allows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await OkAsync(await AssumeRoleAsync(session, new { roleArn = allowedTarget, roleSessionName = "s1" }));
    }

    [Fact]
    public async Task The_roles_permissions_boundary_caps_what_its_sessions_may_do()
    {
        var accountId = await AccountIdAsync();
        var inside = await CreateTrustedRoleAsync(Unique("inside"), Trust(new { AWS = accountId }));
        var outside = await CreateTrustedRoleAsync(Unique("outside"), Trust(new { AWS = accountId }));
        var (roleName, roleArn) = await CreateRoleAllowingAssumeRoleAsync(accountId, "*");
        var boundary = await CreatePolicyAsync(Unique("boundary"), document: AllowAssumeRole(inside));
        await OkAsync(
            await PutAsync($"/api/v1/roles/{roleName}/permissions-boundary",
                new { policyArn = boundary.GetProperty("arn").GetString() }),
            HttpStatusCode.NoContent);
        using var root = ClientWithToken(await SignInAsRootAsync());
        using var session = ClientWithToken(await AssumedTokenAsync(root, roleArn));

        var allowed = await AssumeRoleAsync(session, new { roleArn = inside, roleSessionName = "s1" });
        var capped = await AssumeRoleAsync(session, new { roleArn = outside, roleSessionName = "s1" });

        await OkAsync(allowed);
        var problem = await ProblemAsync(capped, HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Contains(
            "no permissions boundary allows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_permissions_boundary_caps_its_own_policies_too()
    {
        var accountId = await AccountIdAsync();
        var userName = Unique("bounded");
        var (_, keyId, secret) = await CreateUserWithKeyAsync(userName);
        var inside = await CreateTrustedRoleAsync(Unique("inside"), Trust(new { AWS = accountId }));
        var outside = await CreateTrustedRoleAsync(Unique("outside"), Trust(new { AWS = accountId }));
        await PutUserPolicyAsync(userName, AllowAssumeRole("*"));
        var boundary = await CreatePolicyAsync(Unique("boundary"), document: AllowAssumeRole(inside));
        await OkAsync(
            await PutAsync($"/api/v1/users/{userName}/permissions-boundary",
                new { policyArn = boundary.GetProperty("arn").GetString() }),
            HttpStatusCode.NoContent);
        using var client = ClientWithToken(await SessionTokenAsync(keyId, secret));

        await OkAsync(await AssumeRoleAsync(client, new { roleArn = inside, roleSessionName = "s1" }));
        var problem = await ProblemAsync(
            await AssumeRoleAsync(client, new { roleArn = outside, roleSessionName = "s1" }),
            HttpStatusCode.Forbidden, "AccessDenied");
        Assert.Contains(
            "no permissions boundary allows", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Durations_go_up_to_the_roles_maximum_and_default_to_one_hour()
    {
        var accountId = await AccountIdAsync();
        var roleArn = await CreateTrustedRoleAsync(
            Unique("long"), TrustRoot(accountId), maxSessionDuration: 7200);
        using var root = ClientWithToken(await SignInAsRootAsync());

        var longest = await AssumeRoleAsync(root, new { roleArn, roleSessionName = "s1", durationSeconds = 7200 });
        var omitted = await AssumeRoleAsync(root, new { roleArn, roleSessionName = "s1" });
        var tooLong = await AssumeRoleAsync(root, new { roleArn, roleSessionName = "s1", durationSeconds = 7201 });
        var tooShort = await AssumeRoleAsync(root, new { roleArn, roleSessionName = "s1", durationSeconds = 899 });

        Assert.Equal(TimeSpan.FromHours(2), await SessionLengthAsync(longest));
        Assert.Equal(TimeSpan.FromHours(1), await SessionLengthAsync(omitted));
        var problem = await ProblemAsync(tooLong, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains("between 900 and 7200", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(tooShort, HttpStatusCode.BadRequest, "ValidationError");
    }

    [Fact]
    public async Task A_role_session_that_assumes_a_role_gets_at_most_one_hour_whatever_the_roles_maximum()
    {
        var accountId = await AccountIdAsync();
        var (_, firstArn) = await CreateRoleAllowingAssumeRoleAsync(accountId, "*");
        var second = await CreateTrustedRoleAsync(
            Unique("long"), Trust(new { AWS = accountId }), maxSessionDuration: 43_200);
        using var root = ClientWithToken(await SignInAsRootAsync());
        using var session = ClientWithToken(await AssumedTokenAsync(root, firstArn));

        var tooLong = await AssumeRoleAsync(
            session, new { roleArn = second, roleSessionName = "s1", durationSeconds = 3601 });
        var hour = await AssumeRoleAsync(
            session, new { roleArn = second, roleSessionName = "s1", durationSeconds = 3600 });

        await ProblemAsync(tooLong, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Equal(TimeSpan.FromHours(1), await SessionLengthAsync(hour));
    }

    [Fact]
    public async Task Deleting_a_role_ends_its_sessions()
    {
        var accountId = await AccountIdAsync();
        var roleName = Unique("gone");
        var roleArn = await CreateTrustedRoleAsync(roleName, TrustRoot(accountId));
        using var root = ClientWithToken(await SignInAsRootAsync());
        var token = await AssumedTokenAsync(root, roleArn);

        await OkAsync(await Client.DeleteAsync($"/api/v1/roles/{roleName}"), HttpStatusCode.NoContent);

        Assert.NotNull((await SessionOfAsync(token)).RevokedAt);
        Assert.False(await TokenWorksAsync(token));
    }

    /// <summary>A role that the account trusts and whose inline policy allows sts:AssumeRole on the resource.</summary>
    private async Task<(string RoleName, string RoleArn)> CreateRoleAllowingAssumeRoleAsync(
        string accountId,
        string resource)
    {
        var roleName = Unique("chain");
        var roleArn = await CreateTrustedRoleAsync(roleName, TrustRoot(accountId));
        await PutInlineAsync($"roles/{roleName}", Unique("policy"), AllowAssumeRole(resource));
        return (roleName, roleArn);
    }

    private async Task<TimeSpan> SessionLengthAsync(HttpResponseMessage response)
    {
        var session = await SessionOfAsync((await OkAsync(response)).GetProperty("accessToken").GetString()!);
        return session.ExpiresAt - session.CreatedAt;
    }
}
