using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Impact;

public sealed record SelfAssessmentView(
    string Organisation,
    int Year,
    SelfAssessmentStatus? Status,
    IReadOnlyList<ThemeAnswer> Answers,
    uint Version,
    DateTimeOffset? SubmittedAt);

/// <summary>The yearly self-assessment of the caller's own member organisation, filled in by its procurers.</summary>
public sealed class SelfAssessments(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    private const string Entity = "SelfAssessment";

    /// <summary>The caller's organisation's self-assessment for the year (empty when nobody started it).</summary>
    public async Task<SelfAssessmentView> GetMineAsync(ClaimsPrincipal user, int year, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (organisationId, organisation, _) = await OwnOrganisationAsync(db, user, cancellationToken);
        var existing = await db.SelfAssessments.AsNoTracking()
            .Where(s => s.MemberOrganisationId == organisationId && s.Year == year)
            .Select(s => new { s.Status, s.Answers, s.Version, s.SubmittedAt })
            .SingleOrDefaultAsync(cancellationToken);
        return existing is null
            ? new SelfAssessmentView(organisation, year, null, [], 0, null)
            : new SelfAssessmentView(
                organisation,
                year,
                existing.Status,
                existing.Answers.ToList(),
                existing.Version,
                existing.SubmittedAt);
    }

    /// <summary>
    /// Saves the answers as a draft, or submits them when <paramref name="submit"/> is set. <paramref name="loadedVersion"/>
    /// is the version the caller opened (0 when there was none yet), so a colleague's save in between is never overwritten.
    /// </summary>
    public async Task<uint> SaveAsync(
        ClaimsPrincipal user,
        int year,
        IReadOnlyList<ThemeAnswer> answers,
        uint loadedVersion,
        bool submit,
        CancellationToken cancellationToken = default)
    {
        var userId = user.RequiredUserId();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (organisationId, organisation, buyerGroupId) = await OwnOrganisationAsync(db, user, cancellationToken);
        var now = clock.GetUtcNow();
        var assessment = await db.SelfAssessments.SingleOrDefaultAsync(
            s => s.MemberOrganisationId == organisationId && s.Year == year,
            cancellationToken);
        object? before = null;
        if (assessment is null)
        {
            if (loadedVersion != 0)
            {
                throw new ConcurrencyConflictException(await GetMineAsync(user, year, cancellationToken));
            }

            assessment = new SelfAssessment(organisationId, year, now);
            db.SelfAssessments.Add(assessment);
        }
        else
        {
            if (loadedVersion == 0)
            {
                throw new ConcurrencyConflictException(await GetMineAsync(user, year, cancellationToken));
            }

            db.Entry(assessment).ExpectVersion(loadedVersion);
            before = Snapshot(assessment);
        }

        assessment.Answer(answers, userId, now);
        if (submit)
        {
            assessment.Submit(userId, now);
        }

        audit.Record(db, user, Entity, assessment.Id, buyerGroupId, submit ? "Submitted" : before is null ? "Created" : "Updated",
            $"Self-assessment {year} of {organisation} {(submit ? "submitted" : "saved as draft")}", before, Snapshot(assessment));
        await db.SaveOrConflictAsync(async () => await GetMineAsync(user, year, cancellationToken), cancellationToken);
        return await db.SelfAssessments.Where(s => s.Id == assessment.Id).Select(s => s.Version).SingleAsync(cancellationToken);
    }

    private static object Snapshot(SelfAssessment assessment) =>
        new { assessment.Status, Answers = assessment.Answers.Select(a => new { a.Theme, a.Score, a.Comment }).ToList() };

    private static async Task<(Guid Id, string Name, Guid BuyerGroupId)> OwnOrganisationAsync(
        PortalDbContext db,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!user.IsInRole(PortalRoles.Procurer) || user.UserId() is not { } userId)
        {
            throw new ForbiddenException("Only procurers fill in their organisation's self-assessment.");
        }

        var organisation = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Join(
                db.MemberOrganisations,
                u => u.MemberOrganisationId,
                m => m.Id,
                (u, m) => new { m.Id, m.LegalName, m.BuyerGroupId, m.Status })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException("Your account does not belong to a member organisation.");
        return organisation.Status is MembershipStatus.Active
            ? (organisation.Id, organisation.LegalName, organisation.BuyerGroupId)
            : throw new ForbiddenException("Only active member organisations fill in a self-assessment.");
    }
}
