namespace IamService.Policies;

/// <summary>
/// One request context value, read into every form an operator may compare it as the first time an operator
/// asks for one, so that a value is parsed at most once and a value no condition reads (most of the keys a
/// decision adds) costs no parsing. A form that the text does not have is absent, and an operator needing it
/// reports an error.
/// </summary>
internal sealed class ContextValue
{
    private readonly byte[]? _binary;
    private Forms? _forms;

    private ContextValue(string text, byte[]? binary)
    {
        Text = text;
        _binary = binary;
    }

    public string Text { get; }

    public bool HasNumber => Read().HasNumber;

    public double Number => Read().Number;

    public bool HasDate => Read().HasDate;

    public long DateTicks => Read().DateTicks;

    public bool HasBoolean => Read().HasBoolean;

    public bool Boolean => Read().Boolean;

    public bool HasIp => Read().HasIp;

    public IpValue Ip => Read().Ip;

    public byte[]? Binary => Read().Binary;

    public static ContextValue FromText(string text) => new(text, null);

    public static ContextValue FromBinary(byte[] bytes) => new(Convert.ToBase64String(bytes), bytes);

    // Two threads reading a shared context at once may both parse; they publish equal, immutable results.
    private Forms Read() => _forms ??= new Forms(Text, _binary);

    private sealed class Forms
    {
        public Forms(string text, byte[]? binary)
        {
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

        public bool HasNumber { get; }

        public double Number { get; }

        public bool HasDate { get; }

        public long DateTicks { get; }

        public bool HasBoolean { get; }

        public bool Boolean { get; }

        public bool HasIp { get; }

        public IpValue Ip { get; }

        public byte[]? Binary { get; }
    }
}
