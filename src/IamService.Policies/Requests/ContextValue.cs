namespace IamService.Policies;

/// <summary>
/// One request context value, read once into every form an operator may compare it as, so evaluation parses
/// nothing. A form that the text does not have is absent, and an operator needing it reports an error.
/// </summary>
internal sealed class ContextValue
{
    private ContextValue(string text, byte[]? binary)
    {
        Text = text;
        HasNumber = ConditionValues.TryParseNumber(text, out var number);
        Number = number;
        HasDate = ConditionValues.TryParseDate(text, out var ticks);
        DateTicks = ticks;
        HasBoolean = ConditionValues.TryParseBoolean(text, out var boolean);
        Boolean = boolean;
        HasIp = IpValue.TryParse(text, out var ip);
        Ip = ip;
        Binary = binary ?? ConditionValues.TryParseBase64(text);
    }

    public string Text { get; }

    public bool HasNumber { get; }

    public double Number { get; }

    public bool HasDate { get; }

    public long DateTicks { get; }

    public bool HasBoolean { get; }

    public bool Boolean { get; }

    public bool HasIp { get; }

    public IpValue Ip { get; }

    public byte[]? Binary { get; }

    public static ContextValue FromText(string text) => new(text, null);

    public static ContextValue FromBinary(byte[] bytes) => new(Convert.ToBase64String(bytes), bytes);
}
