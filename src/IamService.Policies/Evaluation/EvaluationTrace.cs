namespace IamService.Policies;

/// <summary>
/// What the explaining evaluation records along the way; the fast path passes none. Its lists are created on
/// first use, since most requests match a few statements and miss no key.
/// </summary>
internal sealed class EvaluationTrace
{
    private HashSet<string>? _missing;
    private List<string>? _missingKeys;
    private List<MatchedStatement>? _allows;
    private List<MatchedStatement>? _denies;
    private List<MatchedStatement>? _failed;

    public IReadOnlyList<string> MissingKeys => _missingKeys ?? (IReadOnlyList<string>)[];

    /// <summary>The matching statements of one effect, in the order they were found.</summary>
    public IReadOnlyList<MatchedStatement> Matched(PolicyEffect effect) =>
        (effect == PolicyEffect.Deny ? _denies : _allows) ?? (IReadOnlyList<MatchedStatement>)[];

    /// <summary>Statements that matched but whose conditions could not be evaluated.</summary>
    public IReadOnlyList<MatchedStatement> Failed => _failed ?? (IReadOnlyList<MatchedStatement>)[];

    public void AddMatched(MatchedStatement statement)
    {
        if (statement.Effect == PolicyEffect.Deny)
        {
            (_denies ??= []).Add(statement);
        }
        else
        {
            (_allows ??= []).Add(statement);
        }
    }

    public void AddFailed(MatchedStatement statement) => (_failed ??= []).Add(statement);

    public void AddMissingKey(string key)
    {
        if ((_missing ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(key))
        {
            (_missingKeys ??= []).Add(key);
        }
    }
}
