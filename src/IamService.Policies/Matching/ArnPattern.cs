namespace IamService.Policies;

/// <summary>
/// A Resource value or an Arn* condition value. IAM ("Resource", "ARN condition operators"): the first five
/// colon-separated parts (arn, partition, service, region, account) are matched one by one, so a wildcard stays
/// inside its part; the resource part is matched as a whole, where <c>*</c> may span <c>/</c> and <c>:</c>.
/// Matching is case-sensitive. A lone <c>*</c> matches every resource.
/// </summary>
internal sealed class ArnPattern
{
    private const int PrefixParts = 5;

    private readonly bool _matchesAll;
    private readonly TextPattern[]? _prefix;
    private readonly string? _literalPrefix;
    private readonly TextPattern _rest;

    private ArnPattern(bool matchesAll, TextPattern[]? prefix, string? literalPrefix, TextPattern rest)
    {
        _matchesAll = matchesAll;
        _prefix = prefix;
        _literalPrefix = literalPrefix;
        _rest = rest;
    }

    public IEnumerable<ContextKeyRef> VariableKeys =>
        (_prefix ?? []).Append(_rest).SelectMany(p => p.VariableKeys);

    public static ArnPattern Compile(string text, bool variables)
    {
        var syntax = PatternSyntax.Wildcards | (variables ? PatternSyntax.Variables : PatternSyntax.Exact);
        if (text == "*")
        {
            return new ArnPattern(true, null, null, TextPattern.Compile(text, syntax));
        }

        var parts = Split(text, variables);
        if (parts is null)
        {
            // Only condition values get here: validation requires a Resource to be "*" or an ARN.
            return new ArnPattern(false, null, null, TextPattern.Compile(text, syntax));
        }

        var prefix = parts.Take(PrefixParts).Select(p => TextPattern.Compile(p, syntax)).ToArray();

        // The usual case: no wildcard or variable before the resource part, so one comparison covers all five.
        var literal = prefix.All(p => p.IsLiteral)
            ? string.Concat(prefix.Select(p => p.Source + ":"))
            : null;
        return new ArnPattern(false, prefix, literal, TextPattern.Compile(parts[PrefixParts], syntax));
    }

    /// <summary>
    /// Splits an ARN pattern into its five leading parts and the resource part, ignoring colons inside
    /// <c>${...}</c> variables; null when the text has fewer than five colons or does not start with "arn:".
    /// </summary>
    public static string[]? Split(string text, bool variables)
    {
        var parts = new string[PrefixParts + 1];
        var start = 0;
        var found = 0;
        for (var i = 0; i < text.Length && found < PrefixParts; i++)
        {
            if (variables && text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = PolicyVariableSyntax.FindClose(text, i + 2);
                i = close < 0 ? text.Length : close;
                continue;
            }

            if (text[i] == ':')
            {
                parts[found++] = text[start..i];
                start = i + 1;
            }
        }

        if (found < PrefixParts || parts[0] != "arn")
        {
            return null;
        }

        parts[PrefixParts] = text[start..];
        return parts;
    }

    public bool IsMatch(string subject, in AccessRequest request, EvaluationTrace? trace)
    {
        if (_matchesAll)
        {
            return true;
        }

        if (_prefix is null)
        {
            return _rest.IsMatch(subject, in request, trace);
        }

        var rest = subject.AsSpan();
        if (_literalPrefix is not null)
        {
            if (!rest.StartsWith(_literalPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            return _rest.IsMatch(rest[_literalPrefix.Length..], in request, trace);
        }

        for (var part = 0; part < PrefixParts; part++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0 || !_prefix[part].IsMatch(rest[..colon], in request, trace))
            {
                return false;
            }

            rest = rest[(colon + 1)..];
        }

        return _rest.IsMatch(rest, in request, trace);
    }

    public override string ToString() => _rest.Source;
}
