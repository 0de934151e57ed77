using IamService.Api.Common;

namespace IamService.Api.PolicyValidation;

/// <summary>
/// The findings on a document. Errors would reject it wherever it is stored; warnings point at legal but risky
/// shapes.
/// </summary>
public sealed record ValidatePolicyResponse(
    bool IsValid,
    IReadOnlyList<PolicyProblemResponse> Errors,
    IReadOnlyList<PolicyProblemResponse> Warnings);
