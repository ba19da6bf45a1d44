namespace CircularIctPact.Domain.Common;

/// <summary>Form fields that rules of several features and the shared value objects name.</summary>
public static class CommonFields
{
    /// <summary>An uploaded file.</summary>
    public static readonly FormField File = new("File");

    /// <summary>The default field of <see cref="CountryCode.Parse"/>.</summary>
    public static readonly FormField Country = new("Country");

    /// <summary>The default field of <see cref="EmailAddress.Parse"/>.</summary>
    public static readonly FormField Email = new("E-mail");
}
