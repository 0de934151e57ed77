namespace IamService.Policies;

/// <summary>
/// The policy language version a document declares. IAM: "Version" element; a document without one is read
/// with 2008-10-17 rules, where policy variables are plain text.
/// </summary>
public enum PolicyLanguageVersion
{
    /// <summary>"2008-10-17", or no Version element: <c>${...}</c> is literal text.</summary>
    Version2008,

    /// <summary>"2012-10-17": policy variables are substituted in Resource and condition values.</summary>
    Version2012,
}
