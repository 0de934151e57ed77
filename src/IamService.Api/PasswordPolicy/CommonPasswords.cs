using System.Collections.Frozen;

namespace IamService.Api.PasswordPolicy;

/// <summary>
/// The most common leaked passwords, shipped as <c>CommonPasswords.txt</c> inside the assembly. A password
/// on the list is refused whatever its case: attackers try these first, in every capitalisation.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "IamService.Api.PasswordPolicy.CommonPasswords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password) => List.Value.Contains(password);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
