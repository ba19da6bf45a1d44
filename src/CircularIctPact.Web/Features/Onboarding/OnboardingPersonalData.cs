using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>
/// Applications that name the person as contact and invitations addressed to them. Both stay as records
/// of the group's onboarding, with the person's name and address replaced by the pseudonym. Invitations the
/// person sent and applications they decided on stay too; they only point at the anonymised account.
/// </summary>
internal sealed class OnboardingPersonalData : IPersonalDataContributor
{
    public string Section => "applicationsAndInvitations";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        var applications = await db.MembershipApplications.AsNoTracking()
            .Where(application => application.ContactEmail.ToLower() == email)
            .OrderBy(application => application.SubmittedAt)
            .Select(application => new
            {
                application.Id,
                application.LegalName,
                application.ContactName,
                application.ContactEmail,
                application.ContactFunction,
                application.Motivation,
                application.SubmittedAt,
                application.Status,
                application.DecidedAt,
            })
            .ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(invitation => invitation.AcceptedUserId == subject.UserId || invitation.Email.ToLower() == email)
            .OrderBy(invitation => invitation.InvitedAt)
            .Select(invitation => new
            {
                invitation.Id,
                invitation.Email,
                invitation.DisplayName,
                invitation.Roles,
                invitation.InvitedAt,
                invitation.ExpiresAt,
                invitation.AcceptedAt,
                invitation.RevokedAt,
            })
            .ToListAsync(cancellationToken);
        var invitationsSent = await db.Invitations.CountAsync(
            invitation => invitation.InvitedByUserId == subject.UserId,
            cancellationToken);
        var applicationsDecided = await db.MembershipApplications.CountAsync(
            application => application.DecidedByUserId == subject.UserId,
            cancellationToken);

        return new
        {
            ApplicationsNamingYou = applications,
            InvitationsToYou = invitations,
            InvitationsYouSent = invitationsSent,
            ApplicationsYouDecided = applicationsDecided,
        };
    }

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email.ToLowerInvariant();
        await db.MembershipApplications.Where(application => application.ContactEmail.ToLower() == email)
            .ExecuteUpdateAsync(
                set => set.SetProperty(application => application.ContactName, subject.Pseudonym)
                    .SetProperty(application => application.ContactEmail, subject.PseudonymousEmail)
                    .SetProperty(application => application.ContactFunction, (string?)null),
                cancellationToken);
        await db.Invitations.Where(invitation => invitation.AcceptedUserId == subject.UserId || invitation.Email.ToLower() == email)
            .ExecuteUpdateAsync(
                set => set.SetProperty(invitation => invitation.Email, subject.PseudonymousEmail)
                    .SetProperty(invitation => invitation.DisplayName, subject.Pseudonym),
                cancellationToken);
    }
}
