namespace IamService.Policies;

/// <summary>
/// Wildcard matching for policy text: <c>*</c> matches any run of characters (including none) and <c>?</c>
/// exactly one (IAM: "Action", "Resource" and string condition wildcards).
/// </summary>
/// <remarks>
/// Greedy two-pointer matching: on a mismatch the pattern returns to just after the last <c>*</c> and the text
/// to one past where that star started. No recursion and no backtracking stack, so a hostile pattern such as
/// <c>a*a*a*a*b</c> costs at most pattern length × text length steps, never exponential time.
/// </remarks>
internal static class Glob
{
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase)
    {
        var p = 0;
        var t = 0;
        var starP = -1;
        var starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '*')
                {
                    starP = ++p;
                    starT = t;
                    continue;
                }

                if (c == '?' || CharEquals(c, text[t], ignoreCase))
                {
                    p++;
                    t++;
                    continue;
                }
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    public static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    public static bool HasWildcards(ReadOnlySpan<char> text) => text.ContainsAny('*', '?');
}
