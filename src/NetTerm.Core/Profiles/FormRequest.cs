namespace NetTerm.Core.Profiles;

/// <summary>A simple dialog a profile asks for (AUTH credentials, Compose). The values are handed to
/// <see cref="Submit"/> and never stored by the front end.</summary>
public sealed record FormRequest(
    string Title,
    IReadOnlyList<FormField> Fields,
    Func<IReadOnlyDictionary<string, string>, CancellationToken, Task> Submit,
    string SubmitLabel = "_OK")
{
    /// <summary>Live feedback under the fields (octet count against SIZE, 8-bit warnings); null for none.</summary>
    public Func<IReadOnlyDictionary<string, string>, string?>? Describe { get; init; }
}

/// <summary>One field of a <see cref="FormRequest"/>.</summary>
public sealed record FormField(string Name, string Label, FormFieldKind Kind = FormFieldKind.Text, string Value = "")
{
    public bool Required { get; init; }
}

public enum FormFieldKind
{
    Text,

    /// <summary>Shown as dots, never copied, never logged.</summary>
    Masked,

    MultiLine,
}
