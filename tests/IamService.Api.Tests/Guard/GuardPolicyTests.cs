using System.Net;
using System.Net.Http.Json;

namespace IamService.Api.Tests.Guard;

/// <summary>The guard decides with the caller's identity, group, boundary policies and the request's context.</summary>
public sealed class GuardPolicyTests : GuardTestBase
{
    [Fact]
    public async Task A_group_policy_allows_its_members_and_nothing_more()
    {
        var group = Unique("readers");
        await CreateGroupAsync(group);
        await PutInlineAsync($"groups/{group}", "list", Allow(new[] { "iam:ListUsers", "iam:GetUser" }));
        var member = await UserWithPoliciesAsync("member");
        var outsider = await UserWithPoliciesAsync("outsider");
        await AddToGroupAsync(group, member);
        using var asMember = await SignedInAsync(member);
        using var asOutsider = await SignedInAsync(outsider);

        await OkAsync(await asMember.GetAsync("/api/v1/users"));
        await OkAsync(await asMember.GetAsync($"/api/v1/users/{outsider}"));
        var account = await AccountIdAsync();
        var detail = await DeniedAsync(
            await asOutsider.GetAsync("/api/v1/users"), "iam:ListUsers", $"arn:aws:iam::{account}:user/");
        Assert.Contains("no identity-based policy allows", detail, StringComparison.Ordinal);
        Assert.Contains($"User: arn:aws:iam::{account}:user/{outsider} ", detail, StringComparison.Ordinal);
        var created = await asMember.PostAsJsonAsync("/api/v1/users", new { userName = Unique("new") });
        await DeniedAsync(created, "iam:CreateUser");
    }

    [Fact]
    public async Task An_explicit_deny_wins_over_an_allow_and_says_so()
    {
        var secret = Unique("secret");
        await CreateUserAsync(secret);
        var open = Unique("open");
        await CreateUserAsync(open);
        var account = await AccountIdAsync();
        var userName = await UserWithPoliciesAsync(
            "denied", Allow("iam:*"), Deny("iam:GetUser", $"arn:aws:iam::{account}:user/secret*"));
        using var user = await SignedInAsync(userName);

        await OkAsync(await user.GetAsync($"/api/v1/users/{open}"));
        var detail = await DeniedAsync(
            await user.GetAsync($"/api/v1/users/{secret}"), "iam:GetUser", $"arn:aws:iam::{account}:user/{secret}");
        Assert.Contains("explicit deny in an identity-based policy", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permissions_boundary_caps_what_the_identity_policies_allow()
    {
        var boundary = Unique("cap");
        var arn = (await CreatePolicyAsync(boundary, document: Allow(new[] { "iam:ListUsers", "iam:GetUser" })))
            .GetProperty("arn").GetString()!;
        var userName = await UserWithPoliciesAsync("capped", Allow("iam:*"));
        await OkAsync(
            await PutAsync($"/api/v1/users/{userName}/permissions-boundary", new { policyArn = arn }),
            HttpStatusCode.NoContent);
        using var user = await SignedInAsync(userName);

        await OkAsync(await user.GetAsync("/api/v1/users"));
        var detail = await DeniedAsync(
            await user.PostAsJsonAsync("/api/v1/groups", new { groupName = Unique("g") }), "iam:CreateGroup");
        Assert.Contains("permissions boundary", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_scoped_resources_let_a_caller_manage_one_division_only()
    {
        var account = await AccountIdAsync();
        var userName = await UserWithPoliciesAsync(
            "division-admin",
            Allow(
                new[] { "iam:GetUser", "iam:CreateUser", "iam:ListUsers" },
                $"arn:aws:iam::{account}:user/division/*"));
        var inside = Unique("in");
        await CreateUserAsync(inside, "/division/");
        var outside = Unique("out");
        await CreateUserAsync(outside);
        using var user = await SignedInAsync(userName);

        await OkAsync(await user.GetAsync($"/api/v1/users/{inside}"));
        await DeniedAsync(await user.GetAsync($"/api/v1/users/{outside}"), "iam:GetUser");
        await CreatedAsync(user, "/api/v1/users", new { userName = Unique("new"), path = "/division/" });
        await DeniedAsync(
            await user.PostAsJsonAsync("/api/v1/users", new { userName = Unique("new") }), "iam:CreateUser");
        await OkAsync(await user.GetAsync("/api/v1/users?pathPrefix=/division/"));
        await DeniedAsync(await user.GetAsync("/api/v1/users"), "iam:ListUsers", $"arn:aws:iam::{account}:user/");
    }

    [Fact]
    public async Task A_condition_on_aws_MultiFactorAuthPresent_allows_only_a_session_signed_in_with_MFA()
    {
        var userName = await UserWithPoliciesAsync(
            "mfa-lister", Allow("iam:ListUsers", condition: new { Bool = new Dictionary<string, string>
            {
                ["aws:MultiFactorAuthPresent"] = "true",
            } }));
        using var withoutMfa = await SignedInAsync(userName);
        var userId = (await GetJsonAsync($"/api/v1/users/{userName}")).GetProperty("userId").GetString()!;
        var seed = await AddEnabledMfaDeviceAsync(userId);
        var first = await OkAsync(await LoginAsync(userName, GoodPassword));
        var second = await OkAsync(await LoginMfaAsync(first.GetProperty("mfaChallenge").GetString()!, Code(seed)));
        using var withMfa = ClientWithToken(second.GetProperty("accessToken").GetString()!);

        await DeniedAsync(await withoutMfa.GetAsync("/api/v1/users"), "iam:ListUsers");
        await OkAsync(await withMfa.GetAsync("/api/v1/users"));
    }

    [Fact]
    public async Task Request_tags_and_tag_keys_decide_a_create_with_tags()
    {
        var account = await AccountIdAsync();
        var userName = await UserWithPoliciesAsync(
            "tagger",
            Allow(
                new[] { "iam:CreateUser", "iam:TagUser" },
                $"arn:aws:iam::{account}:user/*",
                new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, string> { ["aws:RequestTag/team"] = "blue" },
                    ["ForAllValues:StringEquals"] = new Dictionary<string, string[]> { ["aws:TagKeys"] = ["team"] },
                }));
        using var user = await SignedInAsync(userName);
        object Tags(params (string Key, string Value)[] tags) => tags.Select(t => new { key = t.Key, value = t.Value });

        var blue = Unique("blue");
        await CreatedAsync(user, "/api/v1/users", new { userName = blue, tags = Tags(("team", "blue")) });
        await DeniedAsync(
            await user.PostAsJsonAsync("/api/v1/users", new { userName = Unique("red"), tags = Tags(("team", "red")) }),
            "iam:CreateUser");
        await DeniedAsync(
            await user.PostAsJsonAsync(
                "/api/v1/users", new { userName = Unique("extra"), tags = Tags(("team", "blue"), ("cost", "1")) }),
            "iam:CreateUser");
        await DeniedAsync(
            await user.PostAsJsonAsync("/api/v1/users", new { userName = Unique("none") }), "iam:CreateUser");
        await OkAsync(
            await user.PostAsJsonAsync($"/api/v1/users/{blue}/tags", new { tags = Tags(("team", "blue")) }),
            HttpStatusCode.NoContent);
        await DeniedAsync(
            await user.PostAsJsonAsync($"/api/v1/users/{blue}/tags", new { tags = Tags(("team", "green")) }),
            "iam:TagUser");
    }

    [Fact]
    public async Task Generic_policy_endpoints_check_the_action_of_their_holder_kind()
    {
        var group = Unique("grp");
        await CreateGroupAsync(group);
        var userName = await UserWithPoliciesAsync("attacher", Allow("iam:ListAttachedUserPolicies"));
        using var user = await SignedInAsync(userName);

        await OkAsync(await user.GetAsync($"/api/v1/users/{userName}/attached-policies"));
        await DeniedAsync(
            await user.GetAsync($"/api/v1/groups/{group}/attached-policies"), "iam:ListAttachedGroupPolicies");
    }

    [Fact]
    public async Task Changing_ones_password_is_allowed_by_the_password_policy_unless_a_policy_denies_it()
    {
        var denied = await UserWithPoliciesAsync("no-change", Deny("iam:ChangePassword"));
        var plain = await UserWithPoliciesAsync("may-change");
        using var asDenied = await SignedInAsync(denied);
        using var asPlain = await SignedInAsync(plain);
        var change = new { oldPassword = GoodPassword, newPassword = OtherGoodPassword };

        await DeniedAsync(await asDenied.PostAsJsonAsync("/api/v1/auth/change-password", change), "iam:ChangePassword");
        await OkAsync(await asPlain.PostAsJsonAsync("/api/v1/auth/change-password", change), HttpStatusCode.NoContent);
    }
}
