using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace IamService.Policies.Tests;

/// <summary>The compiled wildcard matcher against the definition of <c>*</c> and <c>?</c>, on small inputs.</summary>
public class WildcardPropertyTests
{
    [Property(Arbitrary = [typeof(WildcardGenerators)], MaxTest = 500)]
    public bool Wildcards_CompiledMatcher_AgreesWithTheDefinition(WildcardCase sample)
    {
        var compiled = TextPattern.Compile(sample.Pattern, PatternSyntax.Wildcards);

        return compiled.IsMatch(sample.Text) == Reference(sample.Pattern, sample.Text);
    }

    /// <summary>The definition, written recursively: fine for the short strings generated here.</summary>
    private static bool Reference(string pattern, string text) => pattern switch
    {
        "" => text.Length == 0,
        _ when pattern[0] == '*' => Reference(pattern[1..], text) || (text.Length > 0 && Reference(pattern, text[1..])),
        _ => text.Length > 0 && (pattern[0] == '?' || pattern[0] == text[0]) && Reference(pattern[1..], text[1..]),
    };

    public sealed record WildcardCase(string Pattern, string Text);
}

/// <summary>FsCheck generators for <see cref="WildcardPropertyTests"/>.</summary>
public static class WildcardGenerators
{
    public static Arbitrary<WildcardPropertyTests.WildcardCase> Case()
    {
        var pattern = Gen.ListOf(Gen.Elements('a', 'b', '*', '?')).Select(c => new string([.. c.Take(8)]));
        var text = Gen.ListOf(Gen.Elements('a', 'b')).Select(c => new string([.. c.Take(10)]));
        return Gen.Zip(pattern, text, (p, t) => new WildcardPropertyTests.WildcardCase(p, t)).ToArbitrary();
    }
}
