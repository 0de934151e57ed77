namespace IamService.Api.Common;

/// <summary>A tag as it travels in requests and responses.</summary>
/// <param name="Key" example="Department">1 to 128 letters, digits, spaces and <c>_ . : / = + - @</c>; unique
/// regardless of case.</param>
/// <param name="Value" example="Finance">0 to 256 of the same characters.</param>
public sealed record IamTag(string Key, string Value);
