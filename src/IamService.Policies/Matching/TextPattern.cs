using System.Runtime.CompilerServices;

namespace IamService.Policies;

/// <summary>
/// A compiled policy string (an action name, a Resource part, a condition value): literal text, the wildcards
/// <c>*</c> and <c>?</c>, and policy variables. Variables are compared in place against the request's values,
/// so matching builds no string.
/// </summary>
/// <remarks>
/// The pattern is kept as the runs of tokens between its <c>*</c>s. Each run has a fixed length once its
/// variables are known, so the first run is compared at the start of the text, the last at the end, and each
/// run in between at its leftmost occurrence after the previous one. Taking the leftmost occurrence is never
/// wrong for <c>*</c>-separated runs, so nothing is ever retried: the cost is at most text length × pattern
/// length (usually one vectorised IndexOf per run), never exponential, whatever the pattern.
/// </remarks>
internal sealed class TextPattern
{
    private const int InlineVariables = 8;

    private readonly PatternToken[][] _runs;
    private readonly bool _hasStar;
    private readonly bool _leadingStar;
    private readonly bool _trailingStar;
    private readonly bool _matchesAll;
    private readonly string? _exact;
    private readonly StringComparison _comparison;

    private TextPattern(string source, PatternToken[] tokens, bool ignoreCase)
    {
        Source = source;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        VariableKeys = [.. tokens.Where(t => t.Kind == PatternTokenKind.Variable).Select(t => t.Key!)];
        _hasStar = tokens.Any(t => t.Kind == PatternTokenKind.AnyRun);
        _leadingStar = tokens.Length > 0 && tokens[0].Kind == PatternTokenKind.AnyRun;
        _trailingStar = tokens.Length > 0 && tokens[^1].Kind == PatternTokenKind.AnyRun;
        _matchesAll = tokens.Length > 0 && tokens.All(t => t.Kind == PatternTokenKind.AnyRun);
        _runs = Split(tokens);
        if (tokens.All(t => t.Kind == PatternTokenKind.Literal))
        {
            _exact = string.Concat(tokens.Select(t => t.Text));
        }
    }

    public string Source { get; }

    public ContextKeyRef[] VariableKeys { get; }

    /// <summary>True when the pattern is plain text: no wildcard and no variable.</summary>
    public bool IsLiteral => _exact is not null;

    /// <summary>Builds a pattern from text that validation has already accepted.</summary>
    public static TextPattern Compile(string text, PatternSyntax syntax)
    {
        var tokens = new List<PatternToken>();
        var error = PolicyVariableSyntax.Tokenize(text, syntax, tokens);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(text));
        }

        return new TextPattern(text, [.. tokens], (syntax & PatternSyntax.IgnoreCase) != 0);
    }

    /// <summary>Matches a pattern that has no variables.</summary>
    public bool IsMatch(ReadOnlySpan<char> subject) =>
        _matchesAll || (_exact is not null ? subject.Equals(_exact, _comparison) : Match(subject, []));

    /// <summary>
    /// Matches <paramref name="subject"/>. A variable whose key is absent (and that has no default) makes this
    /// pattern match nothing (IAM: a variable that cannot be resolved does not match).
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> subject, in AccessRequest request, EvaluationTrace? trace)
    {
        if (VariableKeys.Length == 0)
        {
            return IsMatch(subject);
        }

        var inline = default(ResolvedValues);
        // Limitation: a pattern with more than eight policy variables allocates a small array on every match.
        var resolved = VariableKeys.Length <= InlineVariables
            ? ((Span<string?>)inline)[..VariableKeys.Length]
            : new string?[VariableKeys.Length];
        for (var slot = 0; slot < VariableKeys.Length; slot++)
        {
            if (!ContextLookup.TryGetSingleText(VariableKeys[slot], in request, out resolved[slot]))
            {
                trace?.AddMissingKey(VariableKeys[slot].Name);
            }
        }

        foreach (var run in _runs)
        {
            foreach (var token in run)
            {
                if (token.Kind != PatternTokenKind.Variable || resolved[token.Slot] is not null)
                {
                    continue;
                }

                if (!token.HasDefault)
                {
                    return false;
                }

                resolved[token.Slot] = token.Text;
            }
        }

        return Match(subject, resolved);
    }

    public override string ToString() => Source;

    private bool Match(ReadOnlySpan<char> text, ReadOnlySpan<string?> resolved)
    {
        var runs = _runs;
        if (!_hasStar)
        {
            return runs.Length == 0
                ? text.IsEmpty
                : Length(runs[0], resolved) == text.Length && MatchAt(runs[0], text, resolved);
        }

        var first = 0;
        var last = runs.Length - 1;
        if (!_leadingStar)
        {
            var length = Length(runs[0], resolved);
            if (length > text.Length || !MatchAt(runs[0], text, resolved))
            {
                return false;
            }

            text = text[length..];
            first = 1;
        }

        if (!_trailingStar && last >= first)
        {
            var length = Length(runs[last], resolved);
            if (length > text.Length || !MatchAt(runs[last], text[^length..], resolved))
            {
                return false;
            }

            text = text[..^length];
            last--;
        }

        for (var i = first; i <= last; i++)
        {
            var length = Length(runs[i], resolved);
            var at = Find(runs[i], length, text, resolved);
            if (at < 0)
            {
                return false;
            }

            text = text[(at + length)..];
        }

        return true;
    }

    /// <summary>The leftmost position where a run matches, jumping between occurrences of its first text.</summary>
    private int Find(PatternToken[] run, int length, ReadOnlySpan<char> text, ReadOnlySpan<string?> resolved)
    {
        var anchor = run[0].Kind == PatternTokenKind.AnyChar ? null : Piece(run[0], resolved);
        for (var at = 0; at + length <= text.Length; at++)
        {
            if (!string.IsNullOrEmpty(anchor))
            {
                var next = text[at..].IndexOf(anchor, _comparison);
                if (next < 0)
                {
                    return -1;
                }

                at += next;
                if (at + length > text.Length)
                {
                    return -1;
                }
            }

            if (MatchAt(run, text[at..], resolved))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Whether a run matches at the start of <paramref name="text"/>, which is at least as long.</summary>
    private bool MatchAt(PatternToken[] run, ReadOnlySpan<char> text, ReadOnlySpan<string?> resolved)
    {
        var position = 0;
        foreach (ref readonly var token in run.AsSpan())
        {
            if (token.Kind == PatternTokenKind.AnyChar)
            {
                position++;
                continue;
            }

            var piece = Piece(token, resolved);
            if (!text.Slice(position, piece.Length).Equals(piece, _comparison))
            {
                return false;
            }

            position += piece.Length;
        }

        return true;
    }

    private static int Length(PatternToken[] run, ReadOnlySpan<string?> resolved)
    {
        var length = 0;
        foreach (ref readonly var token in run.AsSpan())
        {
            length += token.Kind == PatternTokenKind.AnyChar ? 1 : Piece(token, resolved).Length;
        }

        return length;
    }

    private static string Piece(in PatternToken token, ReadOnlySpan<string?> resolved) =>
        token.Kind == PatternTokenKind.Variable ? resolved[token.Slot]! : token.Text;

    private static PatternToken[][] Split(PatternToken[] tokens)
    {
        var runs = new List<PatternToken[]>();
        var current = new List<PatternToken>();
        foreach (var token in tokens.Append(new PatternToken(PatternTokenKind.AnyRun, string.Empty)))
        {
            if (token.Kind != PatternTokenKind.AnyRun)
            {
                current.Add(token);
                continue;
            }

            if (current.Count > 0)
            {
                runs.Add([.. current]);
                current.Clear();
            }
        }

        return [.. runs];
    }

    [InlineArray(InlineVariables)]
    private struct ResolvedValues
    {
        private string? _first;
    }
}
