namespace IamService.Policies;

/// <summary>
/// A statement as seen from one service prefix of the action index. It keeps only the Action values that can
/// match that service: those naming it (only their action part is compared) and those with a wildcard service
/// part (compared in full). Values naming another service can never match and are left out. A value type, so
/// that a scan reads the gates of a whole list from one array before it touches any statement.
/// </summary>
internal readonly struct StatementCandidate(
    CompiledStatement statement,
    ActionPattern[] sameService,
    ActionPattern[] anyService)
{
    public CompiledStatement Statement { get; } = statement;

    public ResourceGate Gate { get; } = statement.Gate;

    /// <summary>
    /// Whether the explaining path may trust <see cref="Gate"/> too: only when no Resource value reads a policy
    /// variable, whose missing key it must still report. Copied here so that a rejected candidate costs no read
    /// of its statement.
    /// </summary>
    public bool GateExplains { get; } = !statement.ResourcesHaveVariables;

    public bool MatchesAction(in AccessRequest request) => MatchesAction(request.ActionService, request.ActionName);

    public bool MatchesAction(ReadOnlySpan<char> service, ReadOnlySpan<char> name)
    {
        var matched = false;
        foreach (var pattern in sameService)
        {
            if (pattern.IsNameMatch(name))
            {
                matched = true;
                break;
            }
        }

        if (!matched)
        {
            foreach (var pattern in anyService)
            {
                if (pattern.IsMatch(service, name))
                {
                    matched = true;
                    break;
                }
            }
        }

        // IAM "NotAction": the statement covers every action except those listed.
        return matched != Statement.IsNotAction;
    }
}
