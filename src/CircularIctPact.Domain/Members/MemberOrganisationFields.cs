using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

/// <summary>The form fields that the rules of member organisations and their contact people name.</summary>
public static class MemberOrganisationFields
{
    public static readonly FormField LegalName = new("Legal name");
    public static readonly FormField Website = new("Website");
    public static readonly FormField Reason = new("Reason");
    public static readonly FormField Contacts = new("Contacts");

    // What a contact's messages call its inputs; on the form each sits in a row of Contacts (see Contact).
    public static readonly FormField ContactName = new("Contact name");
    public static readonly FormField ContactEmail = new("Contact e-mail");
    public static readonly FormField Phone = new("Phone");
    public static readonly FormField Function = new("Function");

    /// <summary>The name input of a contact row.</summary>
    public static readonly FormField RowName = new("Name");

    /// <summary>The e-mail input of a contact row.</summary>
    public static readonly FormField RowEmail = new("Email");

    /// <summary>An input of the contact at <paramref name="index"/>, e.g. <c>Contacts[1].Email</c>.</summary>
    public static FormField Contact(int index, FormField input) => input.In(Contacts, index);
}
