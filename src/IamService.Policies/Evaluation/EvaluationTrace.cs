namespace IamService.Policies;

/// <summary>What the explaining evaluation records along the way; the fast path passes none.</summary>
internal sealed class EvaluationTrace
{
    private readonly HashSet<string> _missing = new(StringComparer.OrdinalIgnoreCase);

    public List<string> MissingKeys { get; } = [];

    public List<MatchedStatement> Matched { get; } = [];

    public List<MatchedStatement> Failed { get; } = [];

    public void AddMissingKey(string key)
    {
        if (_missing.Add(key))
        {
            MissingKeys.Add(key);
        }
    }
}
