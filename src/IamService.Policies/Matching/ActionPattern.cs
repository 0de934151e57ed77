namespace IamService.Policies;

/// <summary>
/// One Action or NotAction value split at its colon: service prefix and action name, each matched without case
/// and with <c>*</c> and <c>?</c> (IAM: "Action": "service:action", case-insensitive). A bare <c>*</c> is every
/// action of every service.
/// </summary>
internal sealed class ActionPattern
{
    private const PatternSyntax Syntax = PatternSyntax.Wildcards | PatternSyntax.IgnoreCase;

    private readonly TextPattern _service;
    private readonly TextPattern _name;

    private ActionPattern(string source, string service, string name)
    {
        Source = source;
        Service = service;
        ServiceHasWildcards = Glob.HasWildcards(service);
        IsLiteral = !Glob.HasWildcards(source);
        _service = TextPattern.Compile(service, Syntax);
        _name = TextPattern.Compile(name, Syntax);
    }

    public string Source { get; }

    public string Service { get; }

    /// <summary>True when the service part can match more than one prefix, like <c>*</c> or <c>s3*</c>.</summary>
    public bool ServiceHasWildcards { get; }

    /// <summary>True when the value names one action, like <c>s3:GetObject</c>: no wildcard anywhere.</summary>
    public bool IsLiteral { get; }

    public static ActionPattern Parse(string text)
    {
        if (text == "*")
        {
            return new ActionPattern(text, "*", "*");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new ActionPattern(text, text[..colon], text[(colon + 1)..]);
    }

    public bool IsNameMatch(ReadOnlySpan<char> name) => _name.IsMatch(name);

    public bool IsMatch(ReadOnlySpan<char> service, ReadOnlySpan<char> name) =>
        _service.IsMatch(service) && _name.IsMatch(name);

    public override string ToString() => Source;
}
