using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.AuthorizationDetails;

/// <summary>The whole account at once: every identity and policy with what decides its permissions.</summary>
[Tags("Account")]
public sealed class AuthorizationDetailsController(AuthorizationDetailsService details) : IamControllerBase
{
    /// <summary>
    /// Users with their groups and policies, groups and roles with their policies, and customer managed
    /// policies with every version (IAM GetAccountAuthorizationDetails). Pages run over users, then groups,
    /// then roles, then policies.
    /// </summary>
    /// <param name="filter">
    /// Only these kinds, repeated: <c>?filter=User&amp;filter=Role</c>. <c>User</c>, <c>Group</c>, <c>Role</c>,
    /// <c>LocalManagedPolicy</c> (and <c>AWSManagedPolicy</c>, which matches nothing here); all when omitted.
    /// </param>
    /// <param name="maxItems">Page size over all kinds together, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("account/authorization-details")]
    [IamAction("iam:GetAccountAuthorizationDetails")]
    [ProducesResponseType<AuthorizationDetailsResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AuthorizationDetailsResponse>> Get(
        [FromQuery] EntityType[] filter,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await details.GetAsync(filter, maxItems, marker, cancellationToken));
}
