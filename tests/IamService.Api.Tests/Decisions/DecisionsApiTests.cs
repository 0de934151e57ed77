using System.Net;
using System.Net.Http.Json;
using IamService.Api.Auth;
using IamService.Data.Credentials;

namespace IamService.Api.Tests.Decisions;

public sealed class DecisionsApiTests : DecisionTestBase
{
    [Fact]
    public async Task A_managed_policy_received_through_a_group_allows_and_is_named_in_the_answer()
    {
        var user = Unique("dana");
        var group = Unique("readers");
        var policy = Unique("read-reports");
        await CreateUserAsync(user);
        await CreateGroupAsync(group);
        await AddToGroupAsync(group, user);
        await CreatePolicyAsync(policy, document: Allow("s3:GetObject", "arn:aws:s3:::reports/*"));
        await AttachAsync($"groups/{group}", policy);

        var answer = await DecideAsync(Root, new
        {
            principalArn = UserArn(user),
            action = "s3:GetObject",
            resource = "arn:aws:s3:::reports/q3.pdf",
        });

        Assert.Equal("allowed", answer.GetProperty("decision").GetString());
        var matched = Assert.Single(answer.GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal($"arn:aws:iam::{Account}:policy/{policy}", matched.GetProperty("policyArn").GetString());
        Assert.Equal("v1", matched.GetProperty("versionId").GetString());
        Assert.Equal(group, matched.GetProperty("groupName").GetString());
        Assert.Equal("implicitDeny", await DecisionAsync(UserArn(user), "s3:GetObject", "arn:aws:s3:::other/q3.pdf"));
    }

    [Fact]
    public async Task An_explicit_deny_in_a_group_inline_policy_beats_the_user_inline_allow()
    {
        var user = Unique("eve");
        var group = Unique("blocked");
        await CreateUserAsync(user);
        await CreateGroupAsync(group);
        await AddToGroupAsync(group, user);
        await PutInlineAsync($"users/{user}", "allow-all-s3", Allow("s3:*"));
        await PutInlineAsync($"groups/{group}", "deny-delete", Allow("s3:DeleteObject", effect: "Deny"));

        Assert.Equal("allowed", await DecisionAsync(UserArn(user), "s3:PutObject", "arn:aws:s3:::b/k"));
        Assert.Equal("explicitDeny", await DecisionAsync(UserArn(user), "s3:DeleteObject", "arn:aws:s3:::b/k"));
    }

    [Fact]
    public async Task A_permissions_boundary_caps_what_identity_policies_allow()
    {
        var user = Unique("bo");
        var boundary = Unique("only-get");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "all-s3", Allow("s3:*"));
        var created = await CreatePolicyAsync(boundary, document: Allow("s3:GetObject"));
        var set = await PutAsync($"/api/v1/users/{user}/permissions-boundary",
            new { policyArn = created.GetProperty("arn").GetString() });
        Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());

        Assert.Equal("allowed", await DecisionAsync(UserArn(user), "s3:GetObject", "arn:aws:s3:::b/k"));
        Assert.Equal("implicitDeny", await DecisionAsync(UserArn(user), "s3:PutObject", "arn:aws:s3:::b/k"));
    }

    [Fact]
    public async Task A_condition_on_a_key_the_request_lacks_denies_and_names_the_key()
    {
        var user = Unique("ivy");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "office-only",
            Allow("s3:GetObject", condition: """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"""));

        var without = await DecideAsync(Root,
            new { principalArn = UserArn(user), action = "s3:GetObject", resource = "*" });
        Assert.Equal("implicitDeny", without.GetProperty("decision").GetString());
        var missing = Assert.Single(without.GetProperty("missingContextValues").EnumerateArray());
        Assert.Equal("aws:SourceIp", missing.GetString());

        var inside = new Dictionary<string, object> { ["aws:SourceIp"] = "10.1.2.3" };
        var outside = new Dictionary<string, object> { ["aws:SourceIp"] = "192.168.1.1" };
        Assert.Equal("allowed", await DecisionAsync(UserArn(user), "s3:GetObject", "*", inside));
        Assert.Equal("implicitDeny", await DecisionAsync(UserArn(user), "s3:GetObject", "*", outside));
    }

    [Fact]
    public async Task Context_values_may_be_numbers_booleans_and_lists()
    {
        var user = Unique("nia");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "typed", Allow("ec2:RunInstances", condition:
            """{"NumericLessThan":{"ec2:count":"5"},"Bool":{"app:approved":"true"}""" +
            ""","ForAllValues:StringEquals":{"aws:TagKeys":["team","env"]}}"""));

        var allowed = new Dictionary<string, object>
        {
            ["ec2:count"] = 3,
            ["app:approved"] = true,
            ["aws:TagKeys"] = new[] { "team" },
        };
        var tooMany = new Dictionary<string, object>
        {
            ["ec2:count"] = 9,
            ["app:approved"] = true,
            ["aws:TagKeys"] = new[] { "team" },
        };
        var otherTag = new Dictionary<string, object>
        {
            ["ec2:count"] = 3,
            ["app:approved"] = true,
            ["aws:TagKeys"] = new[] { "cost" },
        };

        Assert.Equal("allowed", await DecisionAsync(UserArn(user), "ec2:RunInstances", "*", allowed));
        Assert.Equal("implicitDeny", await DecisionAsync(UserArn(user), "ec2:RunInstances", "*", tooMany));
        Assert.Equal("implicitDeny", await DecisionAsync(UserArn(user), "ec2:RunInstances", "*", otherTag));
    }

    [Fact]
    public async Task A_resource_policy_in_the_request_can_grant_access_within_the_account()
    {
        var user = Unique("rui");
        await CreateUserAsync(user);
        var bucketPolicy = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{UserArn(user)}}"},
            "Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]}
            """;

        var answer = await DecideAsync(Root, new
        {
            principalArn = UserArn(user),
            action = "s3:GetObject",
            resource = "arn:aws:s3:::shared/a.txt",
            resourcePolicy = bucketPolicy,
        });

        Assert.Equal("allowed", answer.GetProperty("decision").GetString());
        Assert.Equal("resource", Assert.Single(answer.GetProperty("matchedStatements").EnumerateArray())
            .GetProperty("sourcePolicyType").GetString());
        Assert.Equal("implicitDeny", await DecisionAsync(UserArn(user), "s3:GetObject", "arn:aws:s3:::shared/a.txt"));
    }

    [Fact]
    public async Task A_subject_token_brings_its_MFA_facts_which_the_request_cannot_override()
    {
        var user = Unique("mo");
        var created = await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "mfa-only",
            Allow("s3:DeleteObject", condition: """{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"""));
        var userId = created.GetProperty("userId").GetString()!;
        var now = DateTimeOffset.UtcNow;
        var withoutMfa = await IssueTokenAsync(new SessionRequest(SessionKind.SignIn, userId, UserArn(user), userId)
        {
            AuthTime = now,
            Method = "pwd",
        });
        var withMfa = await IssueTokenAsync(new SessionRequest(SessionKind.SignIn, userId, UserArn(user), userId)
        {
            AuthTime = now,
            MfaAuthTime = now,
            Method = "pwd",
        });
        var forged = new Dictionary<string, object> { ["aws:MultiFactorAuthPresent"] = true };

        var denied = await DecideAsync(Root,
            new { subjectToken = withoutMfa, action = "s3:DeleteObject", resource = "*", context = forged });
        var allowed = await DecideAsync(Root,
            new { subjectToken = withMfa, action = "s3:DeleteObject", resource = "*" });

        Assert.Equal("implicitDeny", denied.GetProperty("decision").GetString());
        Assert.Equal("allowed", allowed.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task An_assumed_role_session_gets_the_role_policies_intersected_with_its_session_policy()
    {
        var role = Unique("deployer");
        var created = await CreateRoleAsync(role);
        await PutInlineAsync($"roles/{role}", "s3-all", Allow("s3:*"));
        var roleId = created.GetProperty("roleId").GetString()!;
        var sessionArn = $"arn:aws:sts::{Account}:assumed-role/{role}/build-42";
        var session = new SessionRequest(SessionKind.AssumedRole, roleId, sessionArn, $"{roleId}:build-42")
        {
            AuthTime = DateTimeOffset.UtcNow,
            Method = "pwd",
            RoleSessionName = "build-42",
            SessionPolicy = Allow("s3:GetObject"),
        };
        var token = await IssueTokenAsync(session);

        var get = await DecideAsync(Root,
            new { subjectToken = token, action = "s3:GetObject", resource = "arn:aws:s3:::b/k" });
        var put = await DecideAsync(Root,
            new { subjectToken = token, action = "s3:PutObject", resource = "arn:aws:s3:::b/k" });

        Assert.Equal("allowed", get.GetProperty("decision").GetString());
        Assert.Equal("implicitDeny", put.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_revoked_subject_token_is_refused()
    {
        var user = Unique("rex");
        var token = await SignedInUserAsync(user);
        using (var client = ClientWithToken(token))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        }

        var response = await Root.PostAsJsonAsync("/api/v1/authorize",
            new { subjectToken = token, action = "s3:GetObject", resource = "*" });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task The_calling_service_needs_iam_Authorize_on_the_principal()
    {
        var target = Unique("target");
        await CreateUserAsync(target);
        var service = Unique("svc");
        using var caller = ClientWithToken(await SignedInUserAsync(service));
        var request = new { principalArn = UserArn(target), action = "s3:GetObject", resource = "*" };

        var refused = await caller.PostAsJsonAsync("/api/v1/authorize", request);
        var problem = await ProblemAsync(refused, HttpStatusCode.Forbidden, "AccessDenied");
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("iam:Authorize", detail, StringComparison.Ordinal);
        Assert.Contains("no identity-based policy allows", detail, StringComparison.Ordinal);

        await PutInlineAsync($"users/{service}", "may-ask", Allow("iam:Authorize", $"arn:aws:iam::{Account}:user/*"));

        Assert.Equal("implicitDeny", (await DecideAsync(caller, request)).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_batch_is_answered_in_order_with_errors_in_their_place()
    {
        var user = Unique("bat");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));

        var nobody = UserArn("nobody-" + Guid.NewGuid().ToString("N")[..8]);
        var response = await Root.PostAsJsonAsync("/api/v1/authorize/batch", new
        {
            requests = new object[]
            {
                new { principalArn = UserArn(user), action = "s3:PutObject", resource = "*" },
                new { principalArn = nobody, action = "s3:GetObject", resource = "*" },
                new { principalArn = UserArn(user), action = "s3:GetObject", resource = "*" },
            },
        });

        var results = (await OkAsync(response)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        Assert.Equal("implicitDeny", results[0].GetProperty("result").GetProperty("decision").GetString());
        Assert.Equal("NoSuchEntity", results[1].GetProperty("errorCode").GetString());
        Assert.Equal("allowed", results[2].GetProperty("result").GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_problems_not_errors()
    {
        await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize",
            new { action = "s3:GetObject", resource = "*" }),
            HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize",
            new
            {
                principalArn = UserArn("x"),
                action = "s3:GetObject",
                resource = "*",
                context = new { k = new { nested = 1 } },
            }),
            HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize",
            new { principalArn = "arn:aws:iam::000000000000:user/nobody", action = "s3:GetObject", resource = "*" }),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize",
            new
            {
                principalArn = $"arn:aws:iam::{Account}:root",
                action = "s3:GetObject",
                resource = "*",
                resourcePolicy = "{\"Statement\":7}",
            }),
            HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        using var anonymous = AnonymousClient();
        await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/authorize",
            new { principalArn = UserArn("x"), action = "s3:GetObject", resource = "*" }),
            HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Fact]
    public async Task Unreadable_bodies_get_problems_and_a_batch_keeps_each_item_error_in_its_place()
    {
        var user = Unique("body");
        await CreateUserAsync(user);
        var arn = UserArn(user);

        using var text = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");
        // Routing refuses it before the endpoint runs, as it does for the controllers.
        var unsupported = await Root.PostAsync("/api/v1/authorize", text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        var unsupportedProblem = await unsupported.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("UnsupportedMediaType", unsupportedProblem.GetProperty("code").GetString());
        using var broken = new StringContent("{\"action\":", System.Text.Encoding.UTF8, "application/json");
        await ProblemAsync(
            await Root.PostAsync("/api/v1/authorize", broken), HttpStatusCode.BadRequest, "InvalidInput");
        using var trailing = new StringContent(
            $"{{\"principalArn\":\"{arn}\",\"action\":\"s3:GetObject\",\"resource\":\"*\"}} {{}}",
            System.Text.Encoding.UTF8, "application/json");
        await ProblemAsync(await Root.PostAsync("/api/v1/authorize", trailing), HttpStatusCode.BadRequest,
            "InvalidInput");
        var misspelt = await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize",
            new { principalArn = arn, acton = "s3:GetObject", action = "s3:GetObject", resource = "*" }),
            HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Contains("acton", misspelt.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize",
            new { principalArn = arn, action = "s3", resource = "*" }), HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(
            await Root.PostAsJsonAsync("/api/v1/authorize/batch", new { requests = Array.Empty<object>() }),
            HttpStatusCode.BadRequest, "InvalidInput");
        var tooMany = Enumerable.Repeat(new { principalArn = arn, action = "s3:GetObject", resource = "*" }, 101);
        await ProblemAsync(await Root.PostAsJsonAsync("/api/v1/authorize/batch", new { requests = tooMany }),
            HttpStatusCode.BadRequest, "InvalidInput");

        var results = (await OkAsync(await Root.PostAsJsonAsync("/api/v1/authorize/batch", new
        {
            requests = new object?[]
            {
                null,
                new { principalArn = arn, action = "s3:GetObject", resource = "" },
                new { principalArn = arn, action = "s3:GetObject", resource = "*" },
            },
        }))).GetProperty("results").EnumerateArray().ToList();

        Assert.Equal("InvalidInput", results[0].GetProperty("errorCode").GetString());
        Assert.Equal("InvalidInput", results[1].GetProperty("errorCode").GetString());
        Assert.Equal("implicitDeny", results[2].GetProperty("result").GetProperty("decision").GetString());
    }
}
