using CircularIctPact.Domain.Common;

namespace CircularIctPact.Domain.Members;

public enum Sector
{
    CentralGovernment,
    RegionalOrLocalGovernment,
    Education,
    Healthcare,
    OtherPublicBody,
    PrivateCompany,
    NonProfit,
}

public enum SizeBand
{
    Small,
    Medium,
    Large,
    VeryLarge,
}

public enum IctSpendBand
{
    Under1Million,
    From1To10Million,
    From10To50Million,
    Over50Million,
}

public enum MembershipStatus
{
    Applied,
    Active,
    Suspended,
    Left,
}

/// <summary>A public or private buying organisation that belongs to a buyer group.</summary>
public sealed class MemberOrganisation : Entity, IConcurrencyVersioned
{
    public const int LegalNameMaxLength = 200;
    public const int WebsiteMaxLength = 300;
    public const int ReasonMaxLength = 1000;
    public const int MaxContacts = 20;

    private readonly List<MemberContact> _contacts = [];

    private MemberOrganisation()
    {
        LegalName = string.Empty;
        LegalNameKey = string.Empty;
        CountryCode = null!;
    }

    public MemberOrganisation(
        Guid buyerGroupId,
        string legalName,
        Sector sector,
        CountryCode country,
        string? website,
        Guid? tierId,
        DateOnly joinedOn)
    {
        BuyerGroupId = buyerGroupId;
        LegalName = Guard.Required(legalName, MemberOrganisationFields.LegalName, LegalNameMaxLength);
        LegalNameKey = NameKey(LegalName);
        Sector = sector;
        CountryCode = country;
        Website = NormaliseWebsite(website);
        WebsiteHost = HostOf(Website);
        TierId = tierId;
        JoinedOn = joinedOn;
        Status = MembershipStatus.Active;
    }

    public Guid BuyerGroupId { get; private set; }

    public string LegalName { get; private set; }

    /// <summary>The legal name folded for duplicate checks: trimmed, single spaces, lower case.</summary>
    public string LegalNameKey { get; private set; }

    public Sector Sector { get; private set; }

    public CountryCode CountryCode { get; private set; }

    public string? Website { get; private set; }

    /// <summary>The website's host in lower case without a leading "www.", for duplicate checks.</summary>
    public string? WebsiteHost { get; private set; }

    public SizeBand? SizeBand { get; private set; }

    public IctSpendBand? IctSpendBand { get; private set; }

    public Guid? TierId { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public MembershipStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    public DateOnly? StatusChangedOn { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The people to contact at the organisation, in the order they were entered.</summary>
    public IReadOnlyCollection<MemberContact> Contacts => _contacts.AsReadOnly();

    /// <summary>Changes the organisation's own details; the buyer group never changes.</summary>
    public void Describe(string legalName, Sector sector, CountryCode country, string? website, Guid? tierId, DateOnly joinedOn)
    {
        LegalName = Guard.Required(legalName, MemberOrganisationFields.LegalName, LegalNameMaxLength);
        LegalNameKey = NameKey(LegalName);
        Sector = sector;
        CountryCode = country;
        Website = NormaliseWebsite(website);
        WebsiteHost = HostOf(Website);
        TierId = tierId;
        JoinedOn = joinedOn;
    }

    /// <summary>
    /// Checks the inputs of a member's form all at once, before anything is changed, so the form can show every problem:
    /// name, country, website and each contact.
    /// </summary>
    /// <returns>The country, when all inputs are fine.</returns>
    public static CountryCode CheckForm(string? legalName, string? country, string? website, IEnumerable<ContactDetails> contacts)
    {
        var rules = new RuleViolations();
        rules.Required(legalName, MemberOrganisationFields.LegalName, LegalNameMaxLength);
        var code = rules.Check(() => Common.CountryCode.Parse(country));
        rules.Check(() => NormaliseWebsite(website));
        rules.Check(() => ValidateContacts(contacts));
        rules.ThrowIfAny();
        return code!;
    }

    /// <summary>
    /// Replaces the contact people with <paramref name="contacts"/>: entries with the id of an existing
    /// contact update it, entries without an id are added, and contacts not listed are removed.
    /// </summary>
    public void SetContacts(IEnumerable<ContactDetails> contacts)
    {
        var validated = ValidateContacts(contacts);
        var keep = validated.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        _contacts.RemoveAll(existing => !keep.Contains(existing.Id));
        foreach (var contact in validated)
        {
            var existing = contact.Id is { } id ? _contacts.SingleOrDefault(c => c.Id == id) : null;
            if (existing is null)
            {
                _contacts.Add(new MemberContact(Id, contact));
            }
            else
            {
                existing.Change(contact);
            }
        }
    }

    private static List<ContactDetails> ValidateContacts(IEnumerable<ContactDetails> contacts)
    {
        var list = contacts.ToList();
        if (list.Count > MaxContacts)
        {
            throw new DomainException(
                MemberOrganisationFields.Contacts,
                "An organisation can have at most {0} contact people.",
                MaxContacts);
        }

        var rules = new RuleViolations();
        var validated = list.Select((contact, index) => rules.Check(() => MemberContact.Validate(contact, index))!).ToList();
        rules.ThrowIfAny();
        var duplicate = validated.GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var row = validated.FindLastIndex(c => string.Equals(c.Email, duplicate.Key, StringComparison.OrdinalIgnoreCase));
            throw new DomainException(
                MemberOrganisationFields.Contact(row, MemberOrganisationFields.RowEmail),
                "{0} is listed twice as a contact.",
                duplicate.Key);
        }

        return validated;
    }

    /// <summary>Adds one contact person, e.g. from an import row.</summary>
    public void AddContact(ContactDetails contact) =>
        SetContacts([.. _contacts.Select(c => new ContactDetails(c.Id, c.Name, c.Email, c.Phone, c.Function)), contact with { Id = null }]);

    public void Profile(SizeBand? size, IctSpendBand? spend)
    {
        SizeBand = size;
        IctSpendBand = spend;
    }

    public void ChangeStatus(MembershipStatus status, string? reason, DateOnly on)
    {
        if (status is MembershipStatus.Suspended or MembershipStatus.Left && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(
                MemberOrganisationFields.Reason,
                "Give a reason when a member is marked {0}.",
                status.ToString().ToLowerInvariant());
        }

        Status = status;
        StatusReason = Guard.Optional(reason, MemberOrganisationFields.Reason, ReasonMaxLength);
        StatusChangedOn = on;
    }

    /// <summary>Accepts "example.org" or a full http(s) address; stores an absolute https/http URL.</summary>
    public static string? NormaliseWebsite(string? website)
    {
        var trimmed = website?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var candidate = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (candidate.Length > WebsiteMaxLength
            || !Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainException(
                MemberOrganisationFields.Website,
                "'{0}' is not a valid website address (e.g. https://www.example.org).",
                trimmed);
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>
    /// The host used to detect two members with the same website, e.g. "example.org" for "https://www.Example.org/about".
    /// </summary>
    public static string? HostOf(string? website)
    {
        var normalised = NormaliseWebsite(website);
        if (normalised is null)
        {
            return null;
        }

        var host = new Uri(normalised).Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>Folds a legal name so that "Gemeente  Rivierstad" and "gemeente rivierstad" count as the same organisation.</summary>
    public static string NameKey(string legalName) =>
        string.Join(' ', legalName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>What a form or import row says about a contact person; <see cref="Id"/> is set when it edits an existing one.</summary>
public sealed record ContactDetails(Guid? Id, string? Name, string? Email, string? Phone, string? Function);

/// <summary>A person to contact at a member organisation.</summary>
public sealed class MemberContact : Entity
{
    public const int NameMaxLength = 200;
    public const int PhoneMaxLength = 40;
    public const int FunctionMaxLength = 200;

    private MemberContact()
    {
        Name = string.Empty;
        Email = string.Empty;
    }

    internal MemberContact(Guid memberOrganisationId, ContactDetails details)
    {
        MemberOrganisationId = memberOrganisationId;
        Name = details.Name!;
        Email = details.Email!;
        Phone = details.Phone;
        Function = details.Function;
    }

    public Guid MemberOrganisationId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Function { get; private set; }

    internal void Change(ContactDetails details)
    {
        Name = details.Name!;
        Email = details.Email!;
        Phone = details.Phone;
        Function = details.Function;
    }

    /// <summary>
    /// Checks one contact; fields are named by <see cref="MemberOrganisationFields.Contact"/> so a form can show the message
    /// beside the input.
    /// </summary>
    public static ContactDetails Validate(ContactDetails contact, int index)
    {
        var rules = new RuleViolations();
        var name = rules.Required(contact.Name, MemberOrganisationFields.ContactName, NameMaxLength);
        var email = rules.Check(() => EmailAddress.Parse(contact.Email, MemberOrganisationFields.ContactEmail).Value);
        var phone = rules.Optional(contact.Phone, MemberOrganisationFields.Phone, PhoneMaxLength);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.' or '/'))
        {
            rules.Report(MemberOrganisationFields.Phone, "'{0}' is not a phone number (digits, spaces, +, -, parentheses).", phone);
        }

        var function = rules.Optional(contact.Function, MemberOrganisationFields.Function, FunctionMaxLength);
        if (rules.Any)
        {
            throw new DomainException([.. rules.All.Select(v => new RuleViolation(InRow(v.Field!.Value), v.Format, [.. v.Arguments]))]);
        }

        return new ContactDetails(contact.Id, name, email!, phone, function);

        FormField InRow(FormField field) => MemberOrganisationFields.Contact(
            index,
            field == MemberOrganisationFields.ContactName ? MemberOrganisationFields.RowName
                : field == MemberOrganisationFields.ContactEmail ? MemberOrganisationFields.RowEmail
                : field);
    }
}
