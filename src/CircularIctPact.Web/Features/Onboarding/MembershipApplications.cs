using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Members;
using CircularIctPact.Domain.Signatories;
using CircularIctPact.Infrastructure.Mail;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.BuyerGroups;
using CircularIctPact.Web.Features.Common;
using CircularIctPact.Web.Features.Members;
using CircularIctPact.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Onboarding;

/// <summary>
/// Applications to join a buyer group: submitted by anyone through /join, listed and decided by the
/// group's coordinators and the secretariat.
/// </summary>
public sealed class MembershipApplications(
    IDbContextFactory<PortalDbContext> contextFactory,
    BuyerGroupAccess access,
    MemberDirectory memberDirectory,
    AuditTrail audit,
    IMailSender mail,
    PortalAddress address,
    TimeProvider clock,
    ILogger<MembershipApplications> logger)
{
    /// <summary>The buyer group an organisation applies to.</summary>
    public static readonly FormField BuyerGroupField = new("Buyer group");

    /// <summary>The tier a new member gets when its application is approved.</summary>
    public static readonly FormField TierField = new("Tier");

    /// <summary>The groups an organisation can apply to: not archived, set up by a signatory that signed.</summary>
    public async Task<IReadOnlyList<JoinableGroup>> JoinableGroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await JoinableGroups(db)
            .OrderBy(g => g.Name)
            .Select(g => new JoinableGroup(g.Id, g.Name, db.Signatories.Where(s => s.Id == g.SignatoryId).Select(s => s.Name).First()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records an application from the public form, acknowledges it to the contact and tells the group's coordinators.</summary>
    /// <exception cref="FieldErrorsException">Every problem with the input, each with its field.</exception>
    public async Task<SubmittedApplication> SubmitAsync(
        Guid? buyerGroupId,
        ApplicantDetails details,
        CancellationToken cancellationToken = default)
    {
        List<DomainException> problems = [.. MembershipApplication.Problems(details)];
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var group = buyerGroupId is { } id
            ? await JoinableGroups(db).Where(g => g.Id == id).Select(g => new { g.Id, g.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (group is null)
        {
            problems.Insert(0, new DomainException(BuyerGroupField, "Choose the buyer group your organisation wants to join."));
        }
        else
        {
            problems.AddRange(await DuplicatesAsync(db, group.Id, details, cancellationToken));
        }

        if (problems.Count > 0)
        {
            throw new FieldErrorsException(problems);
        }

        var application = new MembershipApplication(group!.Id, details, PortalCultures.Current, clock.GetUtcNow());
        db.MembershipApplications.Add(application);
        audit.Record(db, new ClaimsPrincipal(new ClaimsIdentity()), nameof(MembershipApplication), application.Id, group.Id, "Submitted",
            $"{application.LegalName} applied to join {group.Name}", null, Snapshot(application));
        await db.SaveChangesAsync(cancellationToken);

        await mail.SendAsync(
            PortalMails.Compose(
                application.ContactEmail,
                PortalCultures.TextCulture(application.ContactLanguage),
                new OutgoingText("We received the application of {0}", application.LegalName),
                MailPart.Text("Dear {0},", application.ContactName),
                MailPart.Text(
                    "Thank you for applying on behalf of {0} to join {1}. The coordinators of the buyer group review every application; "
                        + "you will hear from us by mail when they have decided.",
                    application.LegalName,
                    group.Name)),
            cancellationToken);

        var coordinators = await db.BuyerGroupCoordinators.Where(c => c.BuyerGroupId == group.Id)
            .Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        foreach (var coordinator in coordinators.Where(c => c.Email is not null))
        {
            await mail.SendAsync(
                PortalMails.Compose(
                    coordinator.Email!,
                    PortalCultures.TextCulture(coordinator.PreferredCulture),
                    new OutgoingText("New application for {0}: {1}", group.Name, application.LegalName),
                    MailPart.Text("Dear {0},", coordinator.DisplayName),
                    MailPart.Text(
                        "{0} ({1}) applied to join {2}. Review it on the Applications page of the portal.",
                        application.LegalName,
                        application.CountryCode.Value,
                        group.Name)),
                cancellationToken);
        }

        logger.LogInformation("Application {ApplicationId} submitted for buyer group {BuyerGroupId}", application.Id, group.Id);
        return new SubmittedApplication(application.Id, application.LegalName, group.Name, application.ContactEmail);
    }

    /// <summary>Applications of the groups the user may read, newest first, filtered.</summary>
    public async Task<IReadOnlyList<ApplicationRow>> ListAsync(
        ClaimsPrincipal user,
        ApplicationFilter filter,
        CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        if (visible.Count == 0)
        {
            throw new ForbiddenException("Only buyer-group coordinators and the secretariat see applications.");
        }

        if (filter.BuyerGroupId is { } requested && !visible.Contains(requested))
        {
            throw new ForbiddenException("You can only work with the buyer groups you coordinate.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.MembershipApplications.AsNoTracking().Where(a => visible.Contains(a.BuyerGroupId));
        if (filter.BuyerGroupId is { } groupId)
        {
            query = query.Where(a => a.BuyerGroupId == groupId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var escaped = filter.Search.Trim()
                .Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal);
            var pattern = $"%{escaped}%";
            query = query.Where(a => EF.Functions.ILike(a.LegalName, pattern)
                || EF.Functions.ILike(a.ContactName, pattern)
                || EF.Functions.ILike(a.ContactEmail, pattern));
        }

        return await query
            .OrderByDescending(a => a.SubmittedAt)
            .Take(500)
            .Select(a => new ApplicationRow(
                a.Id,
                a.BuyerGroupId,
                db.BuyerGroups.Where(g => g.Id == a.BuyerGroupId).Select(g => g.Name).First(),
                a.LegalName,
                a.Sector,
                a.CountryCode.Value,
                a.Website,
                a.SizeBand,
                a.IctSpendBand,
                a.ContactName,
                a.ContactEmail,
                a.ContactFunction,
                a.Motivation,
                a.SubmittedAt,
                a.Status,
                a.DecisionReason,
                db.Users.Where(u => u.Id == a.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                a.DecidedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One application, for a coordinator of its group or the secretariat.</summary>
    public async Task<ApplicationRow> GetAsync(ClaimsPrincipal user, Guid applicationId, CancellationToken cancellationToken = default)
    {
        var groupId = await GroupOfAsync(applicationId, cancellationToken);
        await access.EnsureAsync(user, groupId, BuyerGroupOperations.Read);
        var rows = await ListAsync(user, new ApplicationFilter(groupId, null, null), cancellationToken);
        return rows.SingleOrDefault(r => r.Id == applicationId) ?? throw new NotFoundException("This application does not exist.");
    }

    /// <summary>Counts of pending applications per group the user may read.</summary>
    public async Task<int> PendingCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var visible = await access.VisibleGroupIdsAsync(user, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.MembershipApplications.CountAsync(
            a => visible.Contains(a.BuyerGroupId) && a.Status == ApplicationStatus.Pending,
            cancellationToken);
    }

    /// <summary>The groups the user may filter on and the tiers of each, for the decision form.</summary>
    public Task<IReadOnlyList<GroupOption>> GroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        memberDirectory.GroupsAsync(user, cancellationToken);

    /// <summary>
    /// Approves: the organisation becomes an active member of the group in the chosen tier, and the contact is
    /// told by a mail that carries an invitation to the portal as the organisation's procurer (unless the
    /// address already has an account or a pending invitation). <paramref name="baseUri"/> is the portal's address for the link.
    /// </summary>
    public async Task<Guid> ApproveAsync(
        ClaimsPrincipal user,
        Guid applicationId,
        Guid? tierId,
        string baseUri,
        CancellationToken cancellationToken = default)
    {
        var groupId = await GroupOfAsync(applicationId, cancellationToken);
        await access.EnsureAsync(user, groupId, BuyerGroupOperations.Manage);
        var now = clock.GetUtcNow();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.MembershipApplications.SingleAsync(a => a.Id == applicationId, cancellationToken);
        EnsurePending(application);
        var group = await db.BuyerGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.Name, Tiers = g.Tiers.Select(t => new { t.Id, t.Name }).ToList() })
            .SingleAsync(cancellationToken);
        var tier = group.Tiers.SingleOrDefault(t => t.Id == tierId)
            ?? throw new DomainException(TierField, "Choose one of the group's tiers for the new member.");
        var duplicates = await DuplicateMembersAsync(db, groupId, application.LegalName, application.Website, cancellationToken);
        if (duplicates.Count > 0)
        {
            throw duplicates[0];
        }

        var member = new MemberOrganisation(
            groupId,
            application.LegalName,
            application.Sector,
            application.CountryCode,
            application.Website,
            tier.Id,
            DateOnly.FromDateTime(now.UtcDateTime));
        member.Profile(application.SizeBand, application.IctSpendBand);
        var before = Snapshot(application);
        application.Approve(member, user.RequiredUserId(), now);
        db.MemberOrganisations.Add(member);
        var (token, invitation) = await InviteContactAsync(db, user, application, member, now, cancellationToken);
        audit.Record(
            db,
            user,
            nameof(MembershipApplication),
            application.Id,
            groupId,
            "Approved",
            $"Application of {application.LegalName} approved ({tier.Name})",
            before,
            Snapshot(application));
        audit.Record(
            db,
            user,
            nameof(MemberOrganisation),
            member.Id,
            groupId,
            "Created",
            $"{member.LegalName} joined {group.Name} through an approved application",
            null,
            new
            {
                member.LegalName,
                member.Sector,
                Country = member.CountryCode.Value,
                member.Website,
                Tier = tier.Name,
                member.JoinedOn,
                member.Status,
            });
        await SaveDecisionAsync(db, cancellationToken);

        List<MailPart> parts =
        [
            MailPart.Text("Dear {0},", application.ContactName),
            MailPart.Text("Good news: {0} is now a member of {1} ({2}).", application.LegalName, group.Name, tier.Name),
        ];
        if (token is not null && invitation is not null)
        {
            parts.Add(MailPart.Text("What happens next: accept your invitation to the pact's portal, set a password, and you reach your "
                + "organisation's page, the shared criteria and the group's work."));
            parts.Add(MailPart.Linked(
                "Accept the invitation and set your password",
                InvitationTokens.AcceptLink(address.LinkBaseFor(baseUri), token)));
            parts.Add(MailPart.Text(
                "The link works once and expires on {0:f} UTC; your coordinator can send a new one.",
                invitation.ExpiresAt.UtcDateTime));
        }
        else
        {
            parts.Add(MailPart.Text(
                "What happens next: {0} already has a portal account or a pending invitation; sign in (or accept that invitation) to "
                    + "reach your organisation's page.",
                application.ContactEmail));
        }

        parts.Add(MailPart.Text(
            "If you would like colleagues to be invited as well, reply to your coordinator with their names and e-mail addresses."));
        await mail.SendAsync(
            PortalMails.Compose(
                application.ContactEmail,
                PortalCultures.TextCulture(application.ContactLanguage),
                new OutgoingText("Welcome to {0}: the application of {1} is approved", group.Name, application.LegalName),
                [.. parts]),
            cancellationToken);
        return member.Id;
    }

    /// <summary>Rejects with a reason, which the contact receives by mail.</summary>
    public async Task RejectAsync(ClaimsPrincipal user, Guid applicationId, string? reason, CancellationToken cancellationToken = default)
    {
        var groupId = await GroupOfAsync(applicationId, cancellationToken);
        await access.EnsureAsync(user, groupId, BuyerGroupOperations.Manage);

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var application = await db.MembershipApplications.SingleAsync(a => a.Id == applicationId, cancellationToken);
        var groupName = await db.BuyerGroups.Where(g => g.Id == groupId).Select(g => g.Name).SingleAsync(cancellationToken);
        var before = Snapshot(application);
        application.Reject(reason, user.RequiredUserId(), clock.GetUtcNow());
        audit.Record(
            db,
            user,
            nameof(MembershipApplication),
            application.Id,
            groupId,
            "Rejected",
            $"Application of {application.LegalName} rejected",
            before,
            Snapshot(application));
        await SaveDecisionAsync(db, cancellationToken);

        await mail.SendAsync(
            PortalMails.Compose(
                application.ContactEmail,
                PortalCultures.TextCulture(application.ContactLanguage),
                new OutgoingText("Your application to join {0}", groupName),
                MailPart.Text("Dear {0},", application.ContactName),
                MailPart.Text(
                    "The coordinators of {0} have decided not to admit {1} at this time. Their reason:",
                    groupName,
                    application.LegalName),
                MailPart.AsWritten(application.DecisionReason!),
                MailPart.Text("You are welcome to reply to this mail or to apply again when the situation changes.")),
            cancellationToken);
    }

    /// <summary>
    /// Invites the applicant's contact as a procurer of the new member, unless the address already has an account or a pending invitation.
    /// </summary>
    private async Task<(string? Token, Invitation? Invitation)> InviteContactAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        MembershipApplication application,
        MemberOrganisation member,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var normalised = application.ContactEmail.ToUpperInvariant();
        var lower = application.ContactEmail.ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken)
            || await db.Invitations.AnyAsync(
                i => i.Email.ToLower() == lower && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now,
                cancellationToken))
        {
            return (null, null);
        }

        var (token, hash) = InvitationTokens.New();
        var invitation = new Invitation(EmailAddress.Parse(application.ContactEmail), application.ContactName, [PortalRoles.Procurer],
            member.Id, member.BuyerGroupId, [], [], user.RequiredUserId(), hash, now);
        db.Invitations.Add(invitation);
        audit.Record(db, user, "User", invitation.Id, member.BuyerGroupId, "Invited",
            $"{invitation.DisplayName} <{invitation.Email}> invited as procurer of {member.LegalName} on approval", null,
            new { invitation.Email, invitation.DisplayName, invitation.Roles, invitation.MemberOrganisationId, invitation.ExpiresAt });
        return (token, invitation);
    }

    private static IQueryable<Domain.BuyerGroups.BuyerGroup> JoinableGroups(PortalDbContext db) =>
        db.BuyerGroups
            .AsNoTracking()
            .Where(g => !g.IsArchived && db.Signatories.Any(s => s.Id == g.SignatoryId && s.Status == SignatoryStatus.Signed));
    private async Task<Guid> GroupOfAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groupId = await db.MembershipApplications
            .Where(a => a.Id == applicationId)
            .Select(a => (Guid?)a.BuyerGroupId)
            .SingleOrDefaultAsync(cancellationToken);
        return groupId ?? throw new NotFoundException("This application does not exist.");
    }

    private static void EnsurePending(MembershipApplication application)
    {
        if (application.Status != ApplicationStatus.Pending)
        {
            throw new DomainException(
                MembershipApplicationFields.Decision,
                "This application was already {0} on {1:yyyy-MM-dd}; it cannot be decided again.",
                application.Status.ToString().ToLowerInvariant(),
                application.DecidedAt);
        }
    }

    private static async Task SaveDecisionAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone decided the same application at the same moment; theirs stands.
            throw new DomainException(
                MembershipApplicationFields.Decision,
                "Someone else decided this application a moment ago; reload the list to see their decision.");
        }
    }

    private static async Task<List<DomainException>> DuplicatesAsync(
        PortalDbContext db,
        Guid groupId,
        ApplicantDetails details,
        CancellationToken cancellationToken)
    {
        var name = details.LegalName?.Trim();
        string? website;
        try
        {
            website = MemberOrganisation.NormaliseWebsite(details.Website);
        }
        catch (DomainException)
        {
            website = null;
        }

        var problems = await DuplicateMembersAsync(db, groupId, name, website, cancellationToken);
        if (string.IsNullOrEmpty(name) && website is null)
        {
            return problems;
        }

        var pending = await db.MembershipApplications.AsNoTracking()
            .Where(a => a.BuyerGroupId == groupId && a.Status == ApplicationStatus.Pending
                && ((name != null && a.LegalName.ToLower() == name.ToLower())
                    || (website != null && a.Website != null && a.Website.ToLower() == website.ToLower())))
            .Select(a => new { a.LegalName, a.Website })
            .ToListAsync(cancellationToken);
        if (problems.All(p => p.Field != MembershipApplicationFields.LegalName) && pending.Any(a => string.Equals(
            a.LegalName,
            name,
            StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new DomainException(
                MembershipApplicationFields.LegalName,
                "{0} has already applied to this buyer group; the application is waiting for a decision.",
                name));
        }

        if (problems.All(p => p.Field != MembershipApplicationFields.Website) && pending.Any(a => string.Equals(
            a.Website,
            website,
            StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new DomainException(
                MembershipApplicationFields.Website,
                "An application with the website {0} is already waiting for a decision in this buyer group.",
                website));
        }

        return problems;
    }

    private static async Task<List<DomainException>> DuplicateMembersAsync(
        PortalDbContext db,
        Guid groupId,
        string? name,
        string? website,
        CancellationToken cancellationToken)
    {
        List<DomainException> problems = [];
        if (string.IsNullOrEmpty(name) && website is null)
        {
            return problems;
        }

        var members = await db.MemberOrganisations.AsNoTracking()
            .Where(m => m.BuyerGroupId == groupId
                && ((name != null && m.LegalName.ToLower() == name.ToLower())
                    || (website != null && m.Website != null && m.Website.ToLower() == website.ToLower())))
            .Select(m => new { m.LegalName, m.Website })
            .ToListAsync(cancellationToken);
        if (members.Any(m => string.Equals(m.LegalName, name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new DomainException(MembershipApplicationFields.LegalName, "{0} is already a member of this buyer group.", name));
        }

        if (members.FirstOrDefault(m => string.Equals(m.Website, website, StringComparison.OrdinalIgnoreCase)) is { } sameSite)
        {
            problems.Add(new DomainException(
                MembershipApplicationFields.Website,
                "The website {0} belongs to {1}, already a member of this buyer group.",
                website,
                sameSite.LegalName));
        }

        return problems;
    }

    private static object Snapshot(MembershipApplication a) => new
    {
        a.LegalName,
        a.Sector,
        Country = a.CountryCode.Value,
        a.Website,
        a.SizeBand,
        a.IctSpendBand,
        a.ContactName,
        a.ContactEmail,
        a.ContactFunction,
        a.Status,
        a.DecisionReason,
        a.DecidedAt,
        a.MemberOrganisationId,
    };
}

public sealed record JoinableGroup(Guid Id, string Name, string Signatory);

public sealed record SubmittedApplication(Guid Id, string LegalName, string BuyerGroup, string ContactEmail);

public sealed record ApplicationFilter(Guid? BuyerGroupId, ApplicationStatus? Status, string? Search);

public sealed record ApplicationRow(
    Guid Id,
    Guid BuyerGroupId,
    string BuyerGroup,
    string LegalName,
    Sector Sector,
    string Country,
    string? Website,
    SizeBand? SizeBand,
    IctSpendBand? IctSpendBand,
    string ContactName,
    string ContactEmail,
    string? ContactFunction,
    string? Motivation,
    DateTimeOffset SubmittedAt,
    ApplicationStatus Status,
    string? DecisionReason,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);
