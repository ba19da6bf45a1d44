using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Criteria;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Criteria;

/// <summary>Named shortlists that signed-in people keep; each person sees and changes only their own.</summary>
/// <remarks>The use cases component tests stand in for are virtual, so those tests need no database (ADR 0009).</remarks>
public class SavedShortlists(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    private const string Entity = "SavedShortlist";

    public virtual async Task<IReadOnlyList<SavedShortlistSummary>> ListAsync(
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var owner = user.UserId();
        if (owner is null)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var lists = await db.SavedShortlists.AsNoTracking()
            .Where(s => s.OwnerUserId == owner)
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new { s.Id, s.Name, s.Language, s.UpdatedAt, s.CriterionIds })
            .ToListAsync(cancellationToken);
        return lists.Select(s => new SavedShortlistSummary(s.Id, s.Name, s.Language, s.UpdatedAt, s.CriterionIds.Count)).ToList();
    }

    /// <summary>Saves the criteria under a name; saving again under the same name replaces that list.</summary>
    public async Task<Guid> SaveAsync(
        string name,
        IReadOnlyList<Guid> criterionIds,
        CriteriaLanguage language,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var owner = user.UserId() ?? throw new ForbiddenException("Sign in to save a shortlist.");
        var trimmed = name?.Trim() ?? string.Empty;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.SavedShortlists.SingleOrDefaultAsync(s => s.OwnerUserId == owner && s.Name == trimmed, cancellationToken);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = new SavedShortlist(owner, trimmed, criterionIds, language, now);
            db.SavedShortlists.Add(existing);
            audit.Record(db, user, Entity, existing.Id, null, "Created", $"Shortlist '{existing.Name}' saved", null, new
            {
                existing.Name,
                Criteria = existing.CriterionIds.Count,
            });
        }
        else
        {
            var before = new { existing.Name, Criteria = existing.CriterionIds.Count };
            existing.Replace(criterionIds, language, now);
            audit.Record(db, user, Entity, existing.Id, null, "Updated", $"Shortlist '{existing.Name}' replaced", before, new
            {
                existing.Name,
                Criteria = existing.CriterionIds.Count,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing.Id;
    }

    /// <summary>The criteria of one of the caller's saved shortlists, in order.</summary>
    public async Task<(IReadOnlyList<Guid> Ids, CriteriaLanguage Language)> LoadAsync(
        Guid id,
        ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var owner = user.UserId() ?? throw new ForbiddenException("Sign in to open a saved shortlist.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.SavedShortlists.AsNoTracking()
            .Where(s => s.Id == id && s.OwnerUserId == owner)
            .Select(s => new { s.CriterionIds, s.Language })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("You have no saved shortlist like that.");
        return (list.CriterionIds.ToList(), list.Language);
    }

    public async Task DeleteAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var owner = user.UserId() ?? throw new ForbiddenException("Sign in to delete a saved shortlist.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.SavedShortlists.SingleOrDefaultAsync(s => s.Id == id && s.OwnerUserId == owner, cancellationToken)
            ?? throw new NotFoundException("You have no saved shortlist like that.");
        db.SavedShortlists.Remove(list);
        audit.Record(
            db,
            user,
            Entity,
            list.Id,
            null,
            "Deleted",
            $"Shortlist '{list.Name}' deleted",
            new { list.Name, Criteria = list.CriterionIds.Count },
            null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Form endpoints of the shortlist page (signed-in people only).</summary>
    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        var saved = endpoints.MapGroup("/criteria/shortlist/saved").RequireAuthorization().ExcludeFromDescription();
        saved.MapPost("", async (HttpContext context, IFormCollection form, SavedShortlists service) =>
        {
            var language = CriteriaLanguages.TryParse(form["lang"], out var parsed) ? parsed : CriteriaLanguage.En;
            try
            {
                await service.SaveAsync(
                    form["name"].ToString(),
                    Shortlist.Read(context.Request),
                    language,
                    context.User,
                    context.RequestAborted);
                return TypedResults.LocalRedirect($"~/criteria/shortlist?lang={language.Code()}&saved=1");
            }
            catch (DomainException error)
            {
                var message = Uri.EscapeDataString(DomainMessageText.Of(error));
                var name = Uri.EscapeDataString(form["name"].ToString());
                return TypedResults.LocalRedirect($"~/criteria/shortlist?lang={language.Code()}&error={message}&name={name}");
            }
        });
        saved.MapPost("/{id:guid}/load", async (Guid id, HttpContext context, IFormCollection form, SavedShortlists service) =>
        {
            try
            {
                var (ids, language) = await service.LoadAsync(id, context.User, context.RequestAborted);
                Shortlist.Write(context.Response, ids);
                return Results.LocalRedirect($"~/criteria/shortlist?lang={language.Code()}");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        });
        saved.MapPost("/{id:guid}/delete", async (Guid id, HttpContext context, IFormCollection form, SavedShortlists service) =>
        {
            try
            {
                await service.DeleteAsync(id, context.User, context.RequestAborted);
                return Results.LocalRedirect("~/criteria/shortlist");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        });
    }
}

public sealed record SavedShortlistSummary(Guid Id, string Name, CriteriaLanguage Language, DateTimeOffset UpdatedAt, int Count);
