namespace IamService.Policies;

/// <summary>Collects findings while a document is read, and builds the JSON paths they point at.</summary>
internal sealed class ProblemList
{
    public List<PolicyProblem> Errors { get; } = [];

    public List<PolicyProblem> Warnings { get; } = [];

    public void Error(PolicyProblemCode code, string path, string message) =>
        Errors.Add(new PolicyProblem(code, PolicyProblemSeverity.Error, path, message));

    public void Warn(PolicyProblemCode code, string path, string message) =>
        Warnings.Add(new PolicyProblem(code, PolicyProblemSeverity.Warning, path, message));

    /// <summary><c>$.a.b</c> for plain names, <c>$.a['aws:SourceIp']</c> for others.</summary>
    public static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{path}[{index}]";
}
