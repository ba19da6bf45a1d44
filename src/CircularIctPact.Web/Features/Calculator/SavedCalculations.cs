using System.Globalization;
using System.Security.Claims;
using CircularIctPact.Domain.Common;
using CircularIctPact.Domain.Impact;
using CircularIctPact.Infrastructure.Persistence;
using CircularIctPact.Web.Components.Shared;
using CircularIctPact.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CircularIctPact.Web.Features.Calculator;

public sealed record SavedCalculationSummary(Guid Id, string Name, string Query, DateTimeOffset UpdatedAt);

/// <summary>Named calculations that signed-in people keep; each person sees and changes only their own.</summary>
public sealed class SavedCalculations(IDbContextFactory<PortalDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    private const string Entity = "SavedCalculation";

    public async Task<IReadOnlyList<SavedCalculationSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.UserId() is not { } owner)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedCalculations.AsNoTracking()
            .Where(c => c.OwnerUserId == owner)
            .OrderByDescending(c => c.UpdatedAt)
            .Select(c => new SavedCalculationSummary(c.Id, c.Name, c.Query, c.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Saves the calculation under a name; saving again under the same name replaces it.</summary>
    public async Task<Guid> SaveAsync(string name, string query, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var owner = user.UserId() ?? throw new ForbiddenException("Sign in to save a calculation.");
        var trimmed = name?.Trim() ?? string.Empty;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.SavedCalculations.SingleOrDefaultAsync(c => c.OwnerUserId == owner && c.Name == trimmed, cancellationToken);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = new SavedCalculation(owner, trimmed, query, now);
            db.SavedCalculations.Add(existing);
            audit.Record(db, user, Entity, existing.Id, null, "Created", $"Calculation '{existing.Name}' saved", null, new
            {
                existing.Name,
            });
        }
        else
        {
            existing.Replace(query, now);
            audit.Record(db, user, Entity, existing.Id, null, "Updated", $"Calculation '{existing.Name}' replaced", new
            {
                existing.Name,
            }, new { existing.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing.Id;
    }

    public async Task DeleteAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var owner = user.UserId() ?? throw new ForbiddenException("Sign in to delete a saved calculation.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var calculation = await db.SavedCalculations.SingleOrDefaultAsync(c => c.Id == id && c.OwnerUserId == owner, cancellationToken)
            ?? throw new NotFoundException("You have no saved calculation like that.");
        db.SavedCalculations.Remove(calculation);
        audit.Record(db, user, Entity, calculation.Id, null, "Deleted", $"Calculation '{calculation.Name}' deleted", new
        {
            calculation.Name,
        }, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Save and delete (signed-in people) and the CSV export of a calculation (anyone).</summary>
    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/calculator/export.csv", (HttpContext context, IStringLocalizer<CalculatorText> text) =>
        {
            var form = CalculatorForm.Read(context.Request.Query);
            var input = form?.ToInput(new FieldErrors(), string.Empty, string.Empty);
            if (input is null)
            {
                return Results.BadRequest();
            }

            return Results.File(
                CalculatorExport.Csv(input, LifeCycleCalculator.Calculate(input), text),
                CsvFile.ContentType,
                "life-cycle-calculation.csv");
        }).ExcludeFromDescription();

        var saved = endpoints.MapGroup("/calculator/saved").RequireAuthorization().ExcludeFromDescription();
        saved.MapPost("", async (HttpContext context, IFormCollection form, SavedCalculations service) =>
        {
            var query = form["query"].ToString();
            var calculation = CalculatorForm.Read(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query));
            if (calculation is null)
            {
                return Results.BadRequest();
            }

            try
            {
                await service.SaveAsync(form["name"].ToString(), calculation.ToQuery(), context.User, context.RequestAborted);
                return Results.LocalRedirect($"~/calculator?{calculation.ToQuery()}&saved=1");
            }
            catch (DomainException error)
            {
                var saveError = Uri.EscapeDataString(DomainMessageText.Of(error));
                var saveName = Uri.EscapeDataString(form["name"].ToString());
                return Results.LocalRedirect($"~/calculator?{calculation.ToQuery()}&saveError={saveError}&saveName={saveName}");
            }
        });
        saved.MapPost("/{id:guid}/delete", async (Guid id, HttpContext context, SavedCalculations service) =>
        {
            try
            {
                await service.DeleteAsync(id, context.User, context.RequestAborted);
                return Results.LocalRedirect("~/calculator");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        });
    }
}

/// <summary>The calculation as a CSV table: one row per scenario, in the interface language, numbers in invariant form.</summary>
internal static class CalculatorExport
{
    public static byte[] Csv(CalculationInput input, IReadOnlyList<ScenarioResult> results, IStringLocalizer<CalculatorText> text)
    {
        string N(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        var header = new[]
        {
            text["Scenario"].Value,
            text["Years of use"].Value,
            text["Total cost of ownership"].Value,
            text["Cost per year of use"].Value,
            text["Embodied kg CO2e"].Value,
            text["Use-phase kg CO2e per year"].Value,
            text["Lifetime kg CO2e"].Value,
            text["kg CO2e per year of use"].Value,
            text["Discount rate (%)"].Value,
        };
        return CsvFile.Write(header, results.Select(r => (IReadOnlyList<string?>)
        [
            r.Name, r.YearsOfUse.ToString(CultureInfo.InvariantCulture), N(r.TotalCostOfOwnership), N(r.CostPerYearOfUse),
            N(r.EmbodiedKgCo2e), N(r.UsePhaseKgCo2ePerYear), N(r.LifetimeKgCo2e), N(r.KgCo2ePerYearOfUse), N(input.DiscountRatePercent),
        ]));
    }
}
