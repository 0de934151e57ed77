namespace IamService.Policies;

/// <summary>
/// One validation finding: its code, whether it rejects the document, where it is (a JSON path such as
/// <c>$.Statement[1].Condition.StringEquals</c>) and what to change.
/// </summary>
public sealed record PolicyProblem(
    PolicyProblemCode Code,
    PolicyProblemSeverity Severity,
    string Path,
    string Message);
