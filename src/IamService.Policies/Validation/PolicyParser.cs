namespace IamService.Policies;

/// <summary>Reads and validates IAM policy JSON; the only way to obtain a <see cref="PolicyDocument"/>.</summary>
public static class PolicyParser
{
    /// <summary>
    /// Parses <paramref name="json"/> and checks it against IAM's grammar and the rules of
    /// <paramref name="options"/>. Invalid input is not an exception: the result lists every problem found,
    /// each with a JSON path and a message saying what to fix.
    /// </summary>
    public static PolicyParseResult Parse(string json, PolicyParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);

        return new PolicyReader(options).Read(json);
    }
}
