using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.PolicyValidation;

/// <summary>Policy checks that store nothing, like IAM Access Analyzer's ValidatePolicy.</summary>
[Tags("Policy validation")]
public sealed class PolicyValidationController : IamControllerBase
{
    /// <summary>Validates a policy document and lists its errors and warnings.</summary>
    /// <remarks>
    /// The answer is 200 whether or not the document is valid: the findings are the result. Each finding has a
    /// JSON path into the document, a stable code and a message that says what to change.
    /// </remarks>
    /// <response code="200">The findings; <c>isValid</c> is false when there is at least one error.</response>
    /// <response code="400">The request itself is malformed (InvalidInput).</response>
    [HttpPost("policies/validate")]
    [IamAction("access-analyzer:ValidatePolicy")]
    [ProducesResponseType<ValidatePolicyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
    public ActionResult<ValidatePolicyResponse> Validate(ValidatePolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = PolicyDocuments.ReadText(request.PolicyDocument);
        if (text is null)
        {
            return Problem(IamError.InvalidInput("policyDocument must be a JSON object or a string holding one."));
        }

        if (request.MaxCharacters is <= 0)
        {
            return Problem(IamError.InvalidInput("maxCharacters must be a positive number of characters."));
        }

        var result = PolicyDocuments.Parse(text, request.PolicyType, request.MaxCharacters);
        return Ok(new ValidatePolicyResponse(
            result.Succeeded,
            [.. PolicyDocuments.Describe(result.Errors, label: null)],
            [.. PolicyDocuments.Describe(result.Warnings, label: null)]));
    }
}
