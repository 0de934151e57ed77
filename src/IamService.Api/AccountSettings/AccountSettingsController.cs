using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.AccountSettings;

/// <summary>Settings that apply to the whole account.</summary>
[Tags("Account")]
public sealed class AccountSettingsController(AccountSettingsService settings) : IamControllerBase
{
    /// <summary>Gets the account's settings.</summary>
    [HttpGet("account/settings")]
    [IamAction("iam:GetAccountSettings")]
    [ProducesResponseType<AccountSettingsResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AccountSettingsResponse>> Get(CancellationToken cancellationToken) =>
        await settings.GetAsync(cancellationToken);

    /// <summary>
    /// Replaces the account's settings. With <c>requireMfa</c> on, a user without an enabled MFA device may do
    /// nothing but enrol one and change their password.
    /// </summary>
    [HttpPut("account/settings")]
    [IamAction("iam:UpdateAccountSettings")]
    [ProducesResponseType<AccountSettingsResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AccountSettingsResponse>> Put(
        AccountSettingsRequest request,
        CancellationToken cancellationToken) =>
        await settings.UpdateAsync(request, cancellationToken);
}
