namespace IamService.Policies;

/// <summary>Whether a statement applies to a request, independent of its effect.</summary>
internal enum StatementOutcome
{
    DoesNotApply,
    Applies,

    /// <summary>Principal, action and resource match, but a condition could not be evaluated.</summary>
    Error,
}
