namespace IamService.Policies;

/// <summary>How a document is validated: the policy type it will be used as and the size limit for its slot.</summary>
/// <param name="Type">Decides which elements are required or forbidden.</param>
/// <param name="MaxCharacters">
/// The size limit in characters without white space, usually one of <see cref="PolicySizeLimits"/>; null for no
/// limit.
/// </param>
public sealed record PolicyParseOptions(PolicyType Type, int? MaxCharacters = null);
