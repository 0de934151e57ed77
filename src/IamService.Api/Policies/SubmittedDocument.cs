using System.Text.Json;
using IamService.Api.Common;
using IamService.Policies;

namespace IamService.Api.Policies;

/// <summary>
/// A policy document from a request that passed the engine's validation for its use: the text to store (as
/// submitted, or the compact JSON of an object) and the warnings to return with the answer.
/// </summary>
public sealed record SubmittedDocument(string Text, IReadOnlyList<PolicyProblemResponse> Warnings)
{
    /// <summary>IAM's default quota for a role's trust policy (IAM and AWS STS quotas, "Role trust policy
    /// length").</summary>
    public const int TrustPolicyMaxCharacters = 2_048;

    /// <summary>The size IAM's quotas count: characters other than white space, as the engine counts them.</summary>
    public int Size { get; } = CountSize(Text);

    /// <summary>
    /// Reads and validates the document of <paramref name="field"/>: a ValidationError when it is neither a
    /// JSON string nor an object, a MalformedPolicyDocument listing every error the engine found otherwise.
    /// </summary>
    public static Result<SubmittedDocument> Validate(
        JsonElement element,
        string field,
        PolicyType type,
        int maxCharacters)
    {
        var text = PolicyDocuments.ReadText(element);
        if (text is null)
        {
            return IamError.Validation(
                $"Value at '{field}' failed to satisfy constraint: Member must be a JSON string or a JSON object");
        }

        var parsed = PolicyDocuments.Parse(text, type, maxCharacters);
        if (!parsed.Succeeded)
        {
            return PolicyDocuments.Malformed([.. PolicyDocuments.Describe(parsed.Errors, field)]);
        }

        return new SubmittedDocument(text, [.. PolicyDocuments.Describe(parsed.Warnings, field)]);
    }

    public static int CountSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Count(c => !char.IsWhiteSpace(c));
    }
}
