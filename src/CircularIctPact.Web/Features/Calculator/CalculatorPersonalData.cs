using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.Web.Features.Calculator;

/// <summary>Saved calculations are the person's own workspace, seen by nobody else, and are deleted.</summary>
public sealed class CalculatorPersonalData : IPersonalDataContributor
{
    public string Section => "savedCalculations";

    public async Task<object?> ExportAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.SavedCalculations.AsNoTracking()
            .Where(calculation => calculation.OwnerUserId == subject.UserId)
            .OrderBy(calculation => calculation.CreatedAt)
            .Select(
                calculation => new { calculation.Id, calculation.Name, calculation.Query, calculation.CreatedAt, calculation.UpdatedAt })
            .ToListAsync(cancellationToken);

    public async Task ForgetAsync(PortalDbContext db, PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.SavedCalculations.Where(calculation => calculation.OwnerUserId == subject.UserId).ExecuteDeleteAsync(cancellationToken);
}
