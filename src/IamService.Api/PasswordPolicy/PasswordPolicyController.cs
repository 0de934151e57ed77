using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.PasswordPolicy;

/// <summary>The account password policy, enforced whenever a password is set or changed.</summary>
[Tags("Password policy")]
public sealed class PasswordPolicyController(PasswordPolicyService policies) : IamControllerBase
{
    /// <summary>Gets the account password policy (IAM GetAccountPasswordPolicy).</summary>
    /// <response code="200">The policy.</response>
    /// <response code="404">The account has no policy: IAM's default rules apply.</response>
    [HttpGet("account/password-policy")]
    [IamAction("iam:GetAccountPasswordPolicy")]
    [ProducesResponseType<PasswordPolicyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<PasswordPolicyResponse>> Get(CancellationToken cancellationToken) =>
        OkOrProblem(await policies.GetAsync(cancellationToken));

    /// <summary>
    /// Sets the whole account password policy (IAM UpdateAccountPasswordPolicy); omitted fields take IAM's
    /// defaults. Existing passwords are not checked again; the policy applies from their next change.
    /// </summary>
    /// <response code="200">The policy as stored.</response>
    /// <response code="400">A value is outside IAM's range for it.</response>
    [HttpPut("account/password-policy")]
    [IamAction("iam:UpdateAccountPasswordPolicy")]
    [ProducesResponseType<PasswordPolicyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
    public async Task<ActionResult<PasswordPolicyResponse>> Put(
        PasswordPolicyRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await policies.PutAsync(request, cancellationToken));

    /// <summary>Deletes the account password policy (IAM DeleteAccountPasswordPolicy); IAM's defaults apply.</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404">The account has no policy.</response>
    [HttpDelete("account/password-policy")]
    [IamAction("iam:DeleteAccountPasswordPolicy")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Delete(CancellationToken cancellationToken) =>
        NoContentOrProblem(await policies.DeleteAsync(cancellationToken));
}
