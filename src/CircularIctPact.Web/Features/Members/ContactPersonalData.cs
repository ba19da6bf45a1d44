using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Members;

/// <summary>
/// The person as contact of a member organisation or a signatory, found by their e-mail address. The
/// organisation record stays; its contact entry keeps only the pseudonym.
/// </summary>
internal sealed class ContactPersonalData : IPersonalDataContributor
{
    public string Section => "contactEntries";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        var memberContacts = await db.MemberContacts.AsNoTracking()
            .Where(contact => contact.Email.ToLower() == email)
            .Join(db.MemberOrganisations, contact => contact.MemberOrganisationId, organisation => organisation.Id,
                (contact, organisation) =>
                    new { Organisation = organisation.LegalName, contact.Name, contact.Email, contact.Phone, contact.Function })
            .ToListAsync(cancellationToken);
        var signatoryContacts = await db.Signatories.AsNoTracking()
            .Where(signatory => signatory.ContactEmail != null && signatory.ContactEmail.ToLower() == email)
            .Select(signatory => new { Signatory = signatory.Name, signatory.ContactName, signatory.ContactEmail })
            .ToListAsync(cancellationToken);
        return new { MemberOrganisationContacts = memberContacts, SignatoryContacts = signatoryContacts };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        await db.MemberContacts.Where(contact => contact.Email.ToLower() == email)
            .ExecuteUpdateAsync(
                set => set.SetProperty(contact => contact.Name, subject.Pseudonym)
                    .SetProperty(contact => contact.Email, subject.PseudonymousEmail)
                    .SetProperty(contact => contact.Phone, (string?)null),
                cancellationToken);
        await db.Signatories.Where(signatory => signatory.ContactEmail != null && signatory.ContactEmail.ToLower() == email)
            .ExecuteUpdateAsync(
                set => set.SetProperty(signatory => signatory.ContactName, (string?)null)
                    .SetProperty(signatory => signatory.ContactEmail, (string?)null),
                cancellationToken);
    }
}
