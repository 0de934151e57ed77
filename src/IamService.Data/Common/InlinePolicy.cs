namespace IamService.Data.Common;

/// <summary>
/// A policy document embedded in one user, group or role. Its name is unique within its owner regardless of
/// case; the document is kept exactly as submitted.
/// </summary>
public abstract class InlinePolicy : INamed
{
    public const int MaxNameLength = 128;

    protected InlinePolicy(string name, string document)
    {
        Name = name;
        NormalizedName = IamEntity.NormalizeName(name);
        Document = document;
    }

    public string Name { get; private set; }

    public string NormalizedName { get; private set; }

    public string Document { get; set; }
}
