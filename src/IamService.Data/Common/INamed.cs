namespace IamService.Data.Common;

/// <summary>
/// Something with a name that is unique case-insensitively in its scope. Lists are ordered and paged by
/// <see cref="NormalizedName"/>, which a unique index covers.
/// </summary>
public interface INamed
{
    string Name { get; }

    string NormalizedName { get; }
}
