using System.Collections.Immutable;

namespace IamService.Policies;

/// <summary>
/// A validated, immutable IAM policy document. Instances come only from <see cref="PolicyParser.Parse"/>, so a
/// document that exists has passed validation.
/// </summary>
public sealed class PolicyDocument
{
    internal PolicyDocument(
        string? version,
        string? id,
        PolicyType type,
        ImmutableArray<PolicyStatement> statements)
    {
        Version = version;
        Id = id;
        Type = type;
        Statements = statements;
    }

    /// <summary>The Version element as written, or null when the document has none.</summary>
    public string? Version { get; }

    /// <summary>The rules the document is read with; a missing Version means 2008-10-17 (IAM: "Version").</summary>
    public PolicyLanguageVersion LanguageVersion =>
        Version == PolicyVersions.Current ? PolicyLanguageVersion.Version2012 : PolicyLanguageVersion.Version2008;

    public string? Id { get; }

    /// <summary>The policy type the document was validated as.</summary>
    public PolicyType Type { get; }

    public ImmutableArray<PolicyStatement> Statements { get; }
}
