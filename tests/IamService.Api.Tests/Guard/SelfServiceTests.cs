using System.Net;
using System.Net.Http.Json;
using OtpNet;

namespace IamService.Api.Tests.Guard;

/// <summary>
/// The self-service policy of docs/authorization.md: users manage their own password, MFA device and access
/// keys through <c>${aws:username}</c>, and nobody else's.
/// </summary>
public sealed class SelfServiceTests : GuardTestBase
{
    /// <summary>The example policy of docs/authorization.md, word for word.</summary>
    public const string SelfServicePolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "ViewAccountPasswordRules",
              "Effect": "Allow",
              "Action": "iam:GetAccountPasswordPolicy",
              "Resource": "*"
            },
            {
              "Sid": "ManageOwnPasswordKeysAndMfa",
              "Effect": "Allow",
              "Action": [
                "iam:GetUser",
                "iam:ChangePassword",
                "iam:GetLoginProfile",
                "iam:ListMFADevices",
                "iam:EnableMFADevice",
                "iam:ResyncMFADevice",
                "iam:DeactivateMFADevice",
                "iam:CreateAccessKey",
                "iam:UpdateAccessKey",
                "iam:DeleteAccessKey",
                "iam:ListAccessKeys",
                "iam:GetAccessKeyLastUsed"
              ],
              "Resource": "arn:aws:iam::*:user/${aws:username}"
            },
            {
              "Sid": "CreateOwnVirtualMfaDevice",
              "Effect": "Allow",
              "Action": "iam:CreateVirtualMFADevice",
              "Resource": "arn:aws:iam::*:mfa/${aws:username}"
            }
          ]
        }
        """;

    [Fact]
    public async Task A_user_with_the_self_service_policy_manages_their_own_credentials_and_no_one_elses()
    {
        var self = await UserWithPoliciesAsync("self", SelfServicePolicy);
        var other = Unique("other");
        await CreateUserWithPasswordAsync(other);
        using var user = await SignedInAsync(self);

        await OkAsync(await user.GetAsync($"/api/v1/users/{self}"));
        await OkAsync(await user.GetAsync("/api/v1/account/password-policy"), HttpStatusCode.NotFound);
        await DeniedAsync(await user.GetAsync($"/api/v1/users/{other}"), "iam:GetUser");
        await DeniedAsync(await user.GetAsync("/api/v1/users"), "iam:ListUsers");
        await DeniedAsync(await user.GetAsync($"/api/v1/users/{other}/login-profile"), "iam:GetLoginProfile");
        await DeniedAsync(
            await user.PutAsJsonAsync($"/api/v1/users/{other}/login-profile", new { password = ThirdGoodPassword }),
            "iam:UpdateLoginProfile");

        // Its own MFA device, named after the user, as the policy requires.
        var created = await CreatedAsync(user, $"/api/v1/users/{self}/mfa-devices", new { deviceName = self });
        var seed = Base32Encoding.ToBytes(created.GetProperty("base32StringSeed").GetString()!);
        await OkAsync(await user.PostAsJsonAsync(
            $"/api/v1/users/{self}/mfa-devices/{self}/enable",
            new { authenticationCode1 = Code(seed, -1), authenticationCode2 = Code(seed) }));
        await OkAsync(await user.GetAsync($"/api/v1/users/{self}/mfa-devices"));
        await DeniedAsync(
            await user.PostAsJsonAsync($"/api/v1/users/{self}/mfa-devices", new { deviceName = Unique("other") }),
            "iam:CreateVirtualMFADevice");
        await DeniedAsync(await user.GetAsync($"/api/v1/users/{other}/mfa-devices"), "iam:ListMFADevices");
        await DeniedAsync(
            await user.PostAsJsonAsync(
                $"/api/v1/users/{other}/mfa-devices/{self}/enable",
                new { authenticationCode1 = Code(seed, 1), authenticationCode2 = Code(seed, 2) }),
            "iam:EnableMFADevice");
        await DeniedAsync(await user.DeleteAsync($"/api/v1/users/{other}/mfa-devices/x"), "iam:DeactivateMFADevice");

        // Its own access keys, and no one else's.
        var key = (await CreatedAsync(user, $"/api/v1/users/{self}/access-keys", new { }))
            .GetProperty("accessKeyId").GetString()!;
        await OkAsync(await user.GetAsync($"/api/v1/users/{self}/access-keys"));
        await OkAsync(await user.GetAsync($"/api/v1/access-keys/{key}/last-used"));
        await OkAsync(
            await user.PatchAsJsonAsync($"/api/v1/users/{self}/access-keys/{key}", new { status = "Inactive" }),
            HttpStatusCode.NoContent);
        await OkAsync(await user.DeleteAsync($"/api/v1/users/{self}/access-keys/{key}"), HttpStatusCode.NoContent);
        var othersKey = (await CreatedAsync(Client, $"/api/v1/users/{other}/access-keys", new { }))
            .GetProperty("accessKeyId").GetString()!;
        await DeniedAsync(
            await user.PostAsJsonAsync($"/api/v1/users/{other}/access-keys", new { }), "iam:CreateAccessKey");
        await DeniedAsync(await user.GetAsync($"/api/v1/users/{other}/access-keys"), "iam:ListAccessKeys");
        await DeniedAsync(
            await user.GetAsync($"/api/v1/access-keys/{othersKey}/last-used"), "iam:GetAccessKeyLastUsed");
        await DeniedAsync(
            await user.DeleteAsync($"/api/v1/users/{other}/access-keys/{othersKey}"), "iam:DeleteAccessKey");

        // Its own password last: the change ends every session of the user.
        await OkAsync(
            await user.PostAsJsonAsync(
                "/api/v1/auth/change-password", new { oldPassword = GoodPassword, newPassword = OtherGoodPassword }),
            HttpStatusCode.NoContent);
    }
}
