namespace IamService.Policies;

/// <summary>
/// A validated policy compiled for evaluation: patterns split, values parsed, statements indexed by the
/// service prefix of their actions, so a request for <c>s3:GetObject</c> only visits statements that can match
/// s3. Immutable and thread-safe; compile once and cache.
/// </summary>
public sealed class CompiledPolicy
{
    private CompiledPolicy(PolicyDocument document, PolicySource source, StatementIndex index)
    {
        Document = document;
        Source = source;
        Index = index;
    }

    public PolicyDocument Document { get; }

    public PolicySource Source { get; }

    internal StatementIndex Index { get; }

    public static CompiledPolicy Compile(PolicyDocument document, PolicySource source)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(source);

        var variables = document.LanguageVersion == PolicyLanguageVersion.Version2012;
        var statements = document.Statements.Select(s => new CompiledStatement(s, source, variables)).ToArray();
        return new CompiledPolicy(document, source, StatementIndex.Create(statements));
    }
}
