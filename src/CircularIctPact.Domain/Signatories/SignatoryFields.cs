using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Signatories;

/// <summary>The form fields that the rules of signatories and their status history name.</summary>
public static class SignatoryFields
{
    public static readonly FormField Name = new("Name");
    public static readonly FormField ContactName = new("Contact name");
    public static readonly FormField ContactEmail = new("Contact e-mail");
    public static readonly FormField Status = new("Status");
    public static readonly FormField Date = new("Date");
    public static readonly FormField Note = new("Note");
}
