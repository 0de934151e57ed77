using System.Runtime.CompilerServices;

namespace IamService.Policies;

/// <summary>
/// A compiled policy string (a Resource segment, a condition value): literal text, wildcards and policy
/// variables. Variables are matched in place against the request's values, so matching builds no string.
/// </summary>
internal sealed class TextPattern
{
    private const int InlineVariables = 8;

    private readonly PatternToken[] _tokens;
    private readonly string? _flat;
    private readonly bool _flatHasWildcards;
    private readonly bool _ignoreCase;

    private TextPattern(string source, PatternToken[] tokens, bool wildcards, bool ignoreCase)
    {
        Source = source;
        _tokens = tokens;
        _ignoreCase = ignoreCase;
        VariableKeys = [.. tokens.Where(t => t.Kind == PatternTokenKind.Variable).Select(t => t.Key!)];

        // Without variables or escaped wildcard characters the pattern is its own flat text, matched directly.
        var escapedWildcard = wildcards
            && tokens.Any(t => t.Kind == PatternTokenKind.Literal && Glob.HasWildcards(t.Text));
        if (VariableKeys.Length == 0 && !escapedWildcard)
        {
            _flat = string.Concat(tokens.Select(t => t.Kind switch
            {
                PatternTokenKind.AnyRun => "*",
                PatternTokenKind.AnyChar => "?",
                _ => t.Text,
            }));
            _flatHasWildcards = wildcards && Glob.HasWildcards(_flat);
        }
    }

    public string Source { get; }

    public ContextKeyRef[] VariableKeys { get; }

    /// <summary>Builds a pattern from text that validation has already accepted.</summary>
    public static TextPattern Compile(string text, PatternSyntax syntax)
    {
        var tokens = new List<PatternToken>();
        var error = PolicyVariableSyntax.Tokenize(text, syntax, tokens);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(text));
        }

        return new TextPattern(
            text,
            [.. tokens],
            (syntax & PatternSyntax.Wildcards) != 0,
            (syntax & PatternSyntax.IgnoreCase) != 0);
    }

    /// <summary>
    /// Matches <paramref name="subject"/>. A variable whose key is absent (and that has no default) makes this
    /// pattern match nothing (IAM: a variable that cannot be resolved does not match).
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> subject, in AccessRequest request, EvaluationTrace? trace)
    {
        if (_flat is not null)
        {
            return _flatHasWildcards
                ? Glob.IsMatch(_flat, subject, _ignoreCase)
                : subject.Equals(_flat, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        var inline = default(ResolvedValues);
        // Limitation: a pattern with more than eight policy variables allocates a small array on every match.
        var resolved = VariableKeys.Length <= InlineVariables
            ? ((Span<string?>)inline)[..VariableKeys.Length]
            : new string?[VariableKeys.Length];
        foreach (var token in _tokens)
        {
            if (token.Kind != PatternTokenKind.Variable)
            {
                continue;
            }

            if (ContextLookup.TryGetSingleText(token.Key!, in request, out var value))
            {
                resolved[token.Slot] = value;
            }
            else if (token.HasDefault)
            {
                resolved[token.Slot] = token.Text;
            }
            else
            {
                trace?.AddMissingKey(token.Key!.Name);
                return false;
            }
        }

        return MatchTokens(subject, resolved);
    }

    private bool MatchTokens(ReadOnlySpan<char> text, ReadOnlySpan<string?> resolved)
    {
        // The same greedy two-pointer walk as Glob.IsMatch, over (token, offset) positions instead of chars.
        var t = 0;
        var token = 0;
        var offset = 0;
        var starToken = -1;
        var starT = 0;
        while (t < text.Length)
        {
            if (token < _tokens.Length)
            {
                var current = _tokens[token];
                if (current.Kind == PatternTokenKind.AnyRun)
                {
                    starToken = ++token;
                    offset = 0;
                    starT = t;
                    continue;
                }

                if (current.Kind == PatternTokenKind.AnyChar)
                {
                    token++;
                    offset = 0;
                    t++;
                    continue;
                }

                var piece = current.Kind == PatternTokenKind.Variable ? resolved[current.Slot]! : current.Text;
                if (offset >= piece.Length)
                {
                    token++;
                    offset = 0;
                    continue;
                }

                if (Glob.CharEquals(piece[offset], text[t], _ignoreCase))
                {
                    t++;
                    if (++offset == piece.Length)
                    {
                        token++;
                        offset = 0;
                    }

                    continue;
                }
            }

            if (starToken < 0)
            {
                return false;
            }

            token = starToken;
            offset = 0;
            t = ++starT;
        }

        for (; token < _tokens.Length; token++, offset = 0)
        {
            var current = _tokens[token];
            var remaining = current.Kind switch
            {
                PatternTokenKind.AnyRun => 0,
                PatternTokenKind.AnyChar => 1,
                PatternTokenKind.Variable => resolved[current.Slot]!.Length - offset,
                _ => current.Text.Length - offset,
            };
            if (remaining != 0)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Source;

    [InlineArray(InlineVariables)]
    private struct ResolvedValues
    {
        private string? _first;
    }
}
