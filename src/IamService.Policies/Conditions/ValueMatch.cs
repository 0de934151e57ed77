namespace IamService.Policies;

/// <summary>Whether one request value matched any of a condition's policy values.</summary>
internal enum ValueMatch
{
    NoMatch,
    Match,

    /// <summary>The request value cannot be read as the operator's type (a non-number for NumericEquals).</summary>
    Error,
}
