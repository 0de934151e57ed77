using System.Globalization;
using System.Text.Json;
using IamService.Policies;

namespace IamService.Api.Common;

/// <summary>
/// Reads policy documents out of requests and turns the engine's findings into answers. A document may come
/// as a JSON string (IAM's form) or as a JSON object (handier in Swagger UI and curl).
/// </summary>
public static class PolicyDocuments
{
    /// <summary>The document's text, or null when the element is neither a string nor an object.</summary>
    public static string? ReadText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object => JsonSerializer.Serialize(element),
        _ => null,
    };

    /// <summary>Validates a document for its use (identity, boundary, trust, resource-based...).</summary>
    public static PolicyParseResult Parse(string text, PolicyType type, int? maxCharacters = null) =>
        PolicyParser.Parse(text, new PolicyParseOptions(type, maxCharacters));

    public static IEnumerable<PolicyProblemResponse> Describe(IEnumerable<PolicyProblem> problems, string? label) =>
        problems.Select(p => new PolicyProblemResponse(label, p.Path, p.Code.ToString(), p.Message));

    /// <summary>The 400 MalformedPolicyDocument answer, listing every error.</summary>
    public static IamError Malformed(IReadOnlyList<PolicyProblemResponse> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Count > 0 ? $" The first: {errors[0].Message}" : "";
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"The policy document has {errors.Count} error(s); each is listed in 'errors'.{first}");
        return IamError.MalformedPolicyDocument(detail) with
        {
            Extensions = new Dictionary<string, object?> { ["errors"] = errors },
        };
    }
}

/// <summary>One validation finding of a submitted document: which document, where in it, and what to fix.</summary>
/// <param name="Policy">Which input the finding is about, when a request carries several documents.</param>
/// <param name="Code" example="AllowWithNotAction">The finding's stable name.</param>
/// <param name="Path" example="$.Statement[0].NotAction">A JSON path into the document.</param>
public sealed record PolicyProblemResponse(string? Policy, string Path, string Code, string Message);
