namespace IamService.Policies;

internal enum PatternTokenKind
{
    Literal,
    AnyRun,
    AnyChar,
    Variable,
}

/// <summary>
/// One piece of a policy string: literal text, a wildcard, or a <c>${key}</c> / <c>${key, 'default'}</c>
/// policy variable. For a variable, <see cref="Text"/> is the default and <see cref="Slot"/> its position among
/// the pattern's variables.
/// </summary>
internal readonly record struct PatternToken(
    PatternTokenKind Kind,
    string Text,
    ContextKeyRef? Key = null,
    bool HasDefault = false,
    int Slot = -1);
