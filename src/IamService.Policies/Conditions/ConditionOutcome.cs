namespace IamService.Policies;

internal enum ConditionOutcome
{
    False,
    True,

    /// <summary>The condition could not be evaluated; evaluation fails closed.</summary>
    Error,
}
