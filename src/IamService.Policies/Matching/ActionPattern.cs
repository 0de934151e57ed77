namespace IamService.Policies;

/// <summary>
/// One Action or NotAction value split at its colon: service prefix and action name, each matched without case
/// and with <c>*</c> and <c>?</c> (IAM: "Action": "service:action", case-insensitive). A bare <c>*</c> is every
/// action of every service.
/// </summary>
internal sealed class ActionPattern
{
    private ActionPattern(string source, string service, string name)
    {
        Source = source;
        Service = service;
        Name = name;
        ServiceHasWildcards = Glob.HasWildcards(service);
        MatchesAnyName = name == "*";
    }

    public string Source { get; }

    public string Service { get; }

    public string Name { get; }

    /// <summary>True when the service part can match more than one prefix, like <c>*</c> or <c>s3*</c>.</summary>
    public bool ServiceHasWildcards { get; }

    public bool MatchesAnyName { get; }

    public static ActionPattern Parse(string text)
    {
        if (text == "*")
        {
            return new ActionPattern(text, "*", "*");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new ActionPattern(text, text[..colon], text[(colon + 1)..]);
    }

    public bool IsNameMatch(ReadOnlySpan<char> name) => MatchesAnyName || Glob.IsMatch(Name, name, ignoreCase: true);

    public bool IsMatch(ReadOnlySpan<char> service, ReadOnlySpan<char> name) =>
        Glob.IsMatch(Service, service, ignoreCase: true) && IsNameMatch(name);

    public override string ToString() => Source;
}
