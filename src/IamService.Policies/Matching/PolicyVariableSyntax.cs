using System.Text;

namespace IamService.Policies;

/// <summary>
/// Splits policy text into literal, wildcard and variable tokens (IAM: "IAM policy elements: Variables and
/// tags"). <c>${*}</c>, <c>${?}</c> and <c>${$}</c> stand for the literal characters; a default is written
/// <c>${key, 'text'}</c> with <c>''</c> for a quote inside it.
/// </summary>
internal static class PolicyVariableSyntax
{
    /// <summary>Reads <paramref name="text"/>; returns an error message when a variable is malformed.</summary>
    public static string? Tokenize(string text, PatternSyntax syntax, List<PatternToken> tokens)
    {
        var literal = new StringBuilder();
        var variables = (syntax & PatternSyntax.Variables) != 0;
        var wildcards = (syntax & PatternSyntax.Wildcards) != 0;
        var slot = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (variables && c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var close = FindClose(text, i + 2);
                if (close < 0)
                {
                    return $"The policy variable starting at character {i} has no closing '}}'.";
                }

                var error = ReadVariable(text.AsSpan(i + 2, close - i - 2), literal, tokens, ref slot);
                if (error is not null)
                {
                    return error;
                }

                i = close;
                continue;
            }

            if (wildcards && c is '*' or '?')
            {
                Flush(literal, tokens);
                var kind = c == '*' ? PatternTokenKind.AnyRun : PatternTokenKind.AnyChar;
                tokens.Add(new PatternToken(kind, string.Empty));
                continue;
            }

            literal.Append(c);
        }

        Flush(literal, tokens);
        return null;
    }

    /// <summary>Position of the brace closing a variable, skipping braces inside a quoted default.</summary>
    public static int FindClose(string text, int start)
    {
        var quoted = false;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (text[i] == '}' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? ReadVariable(
        ReadOnlySpan<char> body,
        StringBuilder literal,
        List<PatternToken> tokens,
        ref int slot)
    {
        var content = body.Trim();
        if (content is "*" or "?" or "$")
        {
            literal.Append(content[0]);
            return null;
        }

        var comma = content.IndexOf(',');
        var key = (comma < 0 ? content : content[..comma]).Trim();
        if (key.IsEmpty || key.ContainsAny(" \t\r\n'"))
        {
            return $"'${{{body}}}' is not a valid policy variable: write ${{key}} or ${{key, 'default'}}.";
        }

        string? defaultValue = null;
        if (comma >= 0)
        {
            defaultValue = ReadDefault(content[(comma + 1)..].Trim());
            if (defaultValue is null)
            {
                return $"The default in '${{{body}}}' must be quoted text, such as ${{{key}, 'none'}}.";
            }
        }

        Flush(literal, tokens);
        tokens.Add(new PatternToken(
            PatternTokenKind.Variable,
            defaultValue ?? string.Empty,
            ContextKeyRef.Create(key.ToString()),
            defaultValue is not null,
            slot++));
        return null;
    }

    private static string? ReadDefault(ReadOnlySpan<char> quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '\'' || quoted[^1] != '\'')
        {
            return null;
        }

        var inner = quoted[1..^1];
        var result = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\'')
            {
                result.Append(inner[i]);
                continue;
            }

            if (i + 1 >= inner.Length || inner[i + 1] != '\'')
            {
                return null;
            }

            result.Append('\'');
            i++;
        }

        return result.ToString();
    }

    private static void Flush(StringBuilder literal, List<PatternToken> tokens)
    {
        if (literal.Length == 0)
        {
            return;
        }

        tokens.Add(new PatternToken(PatternTokenKind.Literal, literal.ToString()));
        literal.Clear();
    }
}
