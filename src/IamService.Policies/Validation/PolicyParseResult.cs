using System.Diagnostics.CodeAnalysis;

namespace IamService.Policies;

/// <summary>
/// The outcome of <see cref="PolicyParser.Parse"/>: the document when it is valid, and every problem found.
/// Warnings never prevent a document from being returned; any error does.
/// </summary>
public sealed class PolicyParseResult
{
    internal PolicyParseResult(
        PolicyDocument? document,
        IReadOnlyList<PolicyProblem> errors,
        IReadOnlyList<PolicyProblem> warnings)
    {
        Document = document;
        Errors = errors;
        Warnings = warnings;
    }

    public PolicyDocument? Document { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;

    public IReadOnlyList<PolicyProblem> Errors { get; }

    public IReadOnlyList<PolicyProblem> Warnings { get; }
}
