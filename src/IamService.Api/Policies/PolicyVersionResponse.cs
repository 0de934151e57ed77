using IamService.Api.Common;
using IamService.Data.Policies;

namespace IamService.Api.Policies;

/// <summary>One version of a managed policy. Lists leave out the document.</summary>
public sealed record PolicyVersionResponse
{
    /// <summary><c>v</c> and a number; numbers of deleted versions are never given out again.</summary>
    /// <example>v2</example>
    public required string VersionId { get; init; }

    public required bool IsDefaultVersion { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    /// <summary>The document exactly as it was submitted.</summary>
    public string? Document { get; init; }

    /// <summary>On create only: what the engine found risky in the document, which was accepted.</summary>
    public IReadOnlyList<PolicyProblemResponse>? Warnings { get; init; }

    public static PolicyVersionResponse Summary(ManagedPolicyVersion version, int defaultVersionNumber)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new()
        {
            VersionId = version.VersionId,
            IsDefaultVersion = version.VersionNumber == defaultVersionNumber,
            CreateDate = version.CreateDate,
        };
    }

    public static PolicyVersionResponse Full(ManagedPolicyVersion version, int defaultVersionNumber) =>
        Summary(version, defaultVersionNumber) with { Document = version.Document };
}
