namespace IamService.Policies;

/// <summary>How a policy string is read when it is compiled into a <see cref="TextPattern"/>.</summary>
[Flags]
internal enum PatternSyntax
{
    Exact = 0,

    /// <summary><c>*</c> and <c>?</c> are wildcards (StringLike, ArnLike, Action, Resource).</summary>
    Wildcards = 1,

    /// <summary><c>${...}</c> is a policy variable (2012-10-17 documents, Resource and condition values).</summary>
    Variables = 2,

    /// <summary>Characters compare without case (Action, StringEqualsIgnoreCase).</summary>
    IgnoreCase = 4,
}
