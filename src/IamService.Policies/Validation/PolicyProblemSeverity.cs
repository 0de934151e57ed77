namespace IamService.Policies;

public enum PolicyProblemSeverity
{
    /// <summary>The document is rejected.</summary>
    Error,

    /// <summary>The document is accepted, but its shape is risky or does not do what it seems to.</summary>
    Warning,
}
