using System.Net;
using System.Net.Http.Json;

namespace IamService.Api.Tests.SignIn;

/// <summary>
/// The account password policy: its endpoints and IAM's ranges, and its enforcement on every password set.
/// The policy is one per account, so every test sets (or clears) the policy it relies on first.
/// </summary>
public sealed class PasswordPolicyTests : SignInTestBase
{
    [Fact]
    public async Task Policy_put_get_delete_round_trips_and_omitted_fields_take_IAM_defaults()
    {
        await SetPolicyAsync(new { requireNumbers = true, maxPasswordAge = 90, passwordReusePrevention = 3 });

        var policy = await GetJsonAsync("/api/v1/account/password-policy");
        Assert.Equal(6, policy.GetProperty("minimumPasswordLength").GetInt32());
        Assert.True(policy.GetProperty("requireNumbers").GetBoolean());
        Assert.False(policy.GetProperty("requireSymbols").GetBoolean());
        Assert.False(policy.GetProperty("allowUsersToChangePassword").GetBoolean());
        Assert.True(policy.GetProperty("expirePasswords").GetBoolean());
        Assert.Equal(90, policy.GetProperty("maxPasswordAge").GetInt32());
        Assert.Equal(3, policy.GetProperty("passwordReusePrevention").GetInt32());
        Assert.False(policy.GetProperty("hardExpiry").GetBoolean());

        var deleted = await Client.DeleteAsync("/api/v1/account/password-policy");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(
            await Client.GetAsync("/api/v1/account/password-policy"), HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await Client.DeleteAsync("/api/v1/account/password-policy"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Theory]
    [InlineData("minimumPasswordLength", 5)]
    [InlineData("minimumPasswordLength", 129)]
    [InlineData("maxPasswordAge", 0)]
    [InlineData("maxPasswordAge", 1096)]
    [InlineData("passwordReusePrevention", 0)]
    [InlineData("passwordReusePrevention", 25)]
    public async Task Policy_values_outside_IAM_ranges_are_ValidationErrors(string field, int value)
    {
        var response = await Client.PutAsJsonAsync(
            "/api/v1/account/password-policy", new Dictionary<string, int> { [field] = value });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minimumPasswordLength", """{"minimumPasswordLength": 20}""", "Short-Pass-1!")]
    [InlineData("requireSymbols", """{"requireSymbols": true}""", "NoSymbolsHere42x")]
    [InlineData("requireNumbers", """{"requireNumbers": true}""", "No-Numbers-Here!")]
    [InlineData("requireUppercaseCharacters", """{"requireUppercaseCharacters": true}""", "no-upper-case-42!")]
    [InlineData("requireLowercaseCharacters", """{"requireLowercaseCharacters": true}""", "NO-LOWER-CASE-42!")]
    public async Task Each_policy_rule_rejects_a_password_that_breaks_it_and_accepts_one_that_meets_it(
        string rule,
        string policyJson,
        string breaking)
    {
        await OkAsync(await Client.PutAsync("/api/v1/account/password-policy",
            new StringContent(policyJson, System.Text.Encoding.UTF8, "application/json")));
        var userName = Unique("pp");
        await CreateUserAsync(userName);

        var refused = await TryPutPasswordAsync(userName, breaking);
        Assert.Equal([rule], Rules(await ViolationsAsync(refused)));

        await PutLoginProfileAsync(userName, GoodPassword);
    }

    [Fact]
    public async Task A_violation_lists_every_unmet_rule_at_once()
    {
        await SetPolicyAsync(new
        {
            minimumPasswordLength = 12,
            requireSymbols = true,
            requireNumbers = true,
            requireUppercaseCharacters = true,
        });
        var userName = Unique("pp");
        await CreateUserAsync(userName);

        var refused = await TryPutPasswordAsync(userName, "short");

        Assert.Equal(
            ["minimumPasswordLength", "requireUppercaseCharacters", "requireNumbers", "requireSymbols"],
            Rules(await ViolationsAsync(refused)));
    }

    [Fact]
    public async Task Without_a_policy_IAM_default_rules_apply()
    {
        await ClearPolicyAsync();
        var userName = Unique("pp");
        await CreateUserAsync(userName);

        var tooShort = await TryPutPasswordAsync(userName, "Ab1-x");
        Assert.Contains("minimumPasswordLength", Rules(await ViolationsAsync(tooShort)));
        var twoClasses = await TryPutPasswordAsync(userName, "onlylowercase42");
        Assert.Equal(["characterClasses"], Rules(await ViolationsAsync(twoClasses)));

        await PutLoginProfileAsync(userName, "Three-classes-here");
    }

    [Theory]
    [InlineData("Password123")]
    [InlineData("QWERTY123")]
    [InlineData("Welcome1")]
    public async Task Common_leaked_passwords_are_refused_in_any_case(string password)
    {
        await SetPolicyAsync(new { minimumPasswordLength = 6 });
        var userName = Unique("pp");
        await CreateUserAsync(userName);

        var refused = await TryPutPasswordAsync(userName, password);

        Assert.Equal(["commonPassword"], Rules(await ViolationsAsync(refused)));
    }

    [Fact]
    public async Task A_password_containing_the_user_name_is_refused_whatever_the_case()
    {
        await SetPolicyAsync(new { minimumPasswordLength = 6 });
        var userName = Unique("Marta");
        await CreateUserAsync(userName);

        var refused = await Client.PutAsJsonAsync(
            $"/api/v1/users/{userName}/login-profile", new { password = $"x{userName.ToUpperInvariant()}!9" });

        Assert.Equal(["containsUserName"], Rules(await ViolationsAsync(refused)));
    }

    [Fact]
    public async Task The_policy_is_enforced_on_change_password_too()
    {
        await SetPolicyAsync(new { minimumPasswordLength = 16, allowUsersToChangePassword = true });
        var userName = Unique("pp");
        await CreateUserWithPasswordAsync(userName);
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));

        var response = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = GoodPassword, newPassword = "Tiny-Pass-9" });

        Assert.Equal(["minimumPasswordLength"], Rules(await ViolationsAsync(response)));
    }

    [Fact]
    public async Task Users_change_their_own_password_only_when_the_policy_allows_it()
    {
        await SetPolicyAsync(new { allowUsersToChangePassword = false });
        var userName = Unique("pp");
        await CreateUserWithPasswordAsync(userName);
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));
        var change = new { oldPassword = GoodPassword, newPassword = OtherGoodPassword };

        await ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/change-password", change),
            HttpStatusCode.Forbidden, "AccessDenied");
        await SignInAsync(userName, GoodPassword);

        await SetPolicyAsync(new { allowUsersToChangePassword = true });
        var changed = await client.PostAsJsonAsync("/api/v1/auth/change-password", change);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await ProblemAsync(await LoginAsync(userName, GoodPassword), HttpStatusCode.Unauthorized, "NotAuthenticated");
        await SignInAsync(userName, OtherGoodPassword);
        // Changing the password ends every session, the one that changed it included.
        await ProblemAsync(
            await client.PostAsync("/api/v1/auth/logout", null), HttpStatusCode.Unauthorized, "NotAuthenticated");
    }

    [Fact]
    public async Task A_wrong_old_password_is_refused_and_the_password_stays()
    {
        await SetPolicyAsync(new { allowUsersToChangePassword = true });
        var userName = Unique("pp");
        await CreateUserWithPasswordAsync(userName);
        using var client = ClientWithToken(await SignInAsync(userName, GoodPassword));

        var response = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = OtherGoodPassword, newPassword = ThirdGoodPassword });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        await SignInAsync(userName, GoodPassword);
    }

    [Fact]
    public async Task Reuse_prevention_refuses_the_last_N_passwords_counting_the_current_one()
    {
        await SetPolicyAsync(new { passwordReusePrevention = 2, allowUsersToChangePassword = true });
        var userName = Unique("pp");
        await CreateUserWithPasswordAsync(userName, GoodPassword);
        await PutLoginProfileAsync(userName, OtherGoodPassword, expected: HttpStatusCode.OK);

        // The last two: the current password and the one before it.
        foreach (var reused in new[] { OtherGoodPassword, GoodPassword })
        {
            var refused = await TryPutPasswordAsync(userName, reused);
            Assert.Equal(["passwordReusePrevention"], Rules(await ViolationsAsync(refused)));
        }

        using var client = ClientWithToken(await SignInAsync(userName, OtherGoodPassword));
        var byUser = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = OtherGoodPassword, newPassword = GoodPassword });
        Assert.Equal(["passwordReusePrevention"], Rules(await ViolationsAsync(byUser)));

        await PutLoginProfileAsync(userName, ThirdGoodPassword, expected: HttpStatusCode.OK);
        // Three passwords back is older than the last two, so it may come back.
        await PutLoginProfileAsync(userName, GoodPassword, expected: HttpStatusCode.OK);
        await SignInAsync(userName, GoodPassword);
    }

    [Fact]
    public async Task Without_reuse_prevention_the_same_password_may_be_set_again()
    {
        await SetPolicyAsync(new { minimumPasswordLength = 8 });
        var userName = Unique("pp");
        await CreateUserWithPasswordAsync(userName, GoodPassword);

        await PutLoginProfileAsync(userName, GoodPassword, expected: HttpStatusCode.OK);
    }

    [Fact]
    public async Task Root_is_not_bound_by_the_account_policy_but_by_IAM_default_rules()
    {
        await SetPolicyAsync(new { minimumPasswordLength = 40, allowUsersToChangePassword = false });
        using var client = ClientWithToken(await SignInAsRootAsync());

        var weak = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = RootPassword, newPassword = "onlylowercase" });
        Assert.Equal(["characterClasses"], Rules(await ViolationsAsync(weak)));

        var changed = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password", new { oldPassword = RootPassword, newPassword = GoodPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // No other test of this class signs in as root: its test password would not pass as a new one, as it
        // contains the name root.
        await SignInAsync("root", GoodPassword);
    }
}
