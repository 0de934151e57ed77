using IamService.Api.Common;

namespace IamService.Api.PolicyValidation;

/// <summary>
/// The findings on a document. Errors would reject it wherever it is stored; warnings point at legal but risky
/// shapes.
/// </summary>
/// <param name="IsValid" example="true">Whether the document has no errors.</param>
/// <param name="Errors">What rejects the document, each with its JSON path.</param>
/// <param name="Warnings">What is legal but risky, each with its JSON path.</param>
public sealed record ValidatePolicyResponse(
    bool IsValid,
    IReadOnlyList<PolicyProblemResponse> Errors,
    IReadOnlyList<PolicyProblemResponse> Warnings);
