using System.Globalization;
using System.Net;
using CircularIctPact.Domain.Members;
using CircularIctPact.Infrastructure.Seeding;
using CircularIctPact.IntegrationTests.Members;
using CircularIctPact.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CircularIctPact.IntegrationTests.Performance;

/// <summary>The portal with the SQL command counter on and the output cache off, so every request reaches the database.</summary>
public sealed class QueryCountingPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Diagnostics:CountSqlQueries", "true");
        builder.UseSetting("Performance:OutputCaching", "false");
    }
}

/// <summary>
/// N+1 guard: the main list pages issue the same number of SQL queries whether they show a few rows or many.
/// The count comes from the EF Core command interceptor, reported per request in the X-Sql-Queries header.
/// </summary>
public sealed class QueryCountTests(QueryCountingPortal portal) : IClassFixture<QueryCountingPortal>
{
    private static readonly (string? Email, string Path)[] Pages =
    [
        (null, "/"),
        (null, "/criteria?productGroup=laptops"),
        (null, "/signatories"),
        (null, "/working-groups"),
        (null, "/good-practices"),
        (null, "/events"),
        (null, "/market-signal"),
        (DemoAccounts.Procurer, "/tenders"),
        (DemoAccounts.Procurer, "/tender-calendar"),
        (DemoAccounts.Procurer, "/discussions"),
        (DemoAccounts.Procurer, "/discussions/pact"),
        (DemoAccounts.Procurer, "/library"),
        (DemoAccounts.CoordinatorNetherlands, "/"),
        (DemoAccounts.CoordinatorNetherlands, "/members?pageSize=100"),
        (DemoAccounts.CoordinatorNetherlands, "/members"),
        (DemoAccounts.CoordinatorNetherlands, "/audit"),
        (DemoAccounts.CoordinatorNetherlands, "/tenders"),
        (DemoAccounts.CoordinatorNetherlands, "/demand"),
        (DemoAccounts.CoordinatorNetherlands, "/impact"),
        (DemoAccounts.Admin, "/members"),
        (DemoAccounts.Admin, "/audit"),
    ];

    [Fact]
    public async Task Main_list_pages_issue_as_many_queries_with_many_rows_as_with_few()
    {
        var few = await CountQueriesAsync();

        await AddMembersAsync(30);
        await AddSignedSignatoriesAsync(12);
        await AddPublishedLaptopCriteriaAsync(25);
        await AddSharedTendersOfTheProcurersOrganisationAsync(30);
        await AddPactWideThreadsAsync(30);
        var many = await CountQueriesAsync();

        foreach (var page in few.Keys)
        {
            Assert.True(few[page] > 0, $"{page} reported no SQL queries: is the counter on?");
            Assert.True(
                many[page] == few[page],
                $"{page} issued {few[page]} queries with the seed's rows and {many[page]} with more rows: a query per row (N+1).");
        }
    }

    [Fact]
    public async Task Every_response_says_how_many_queries_it_took()
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync("/signatories");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("X-Sql-Queries").Single(), CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData("/api/v1/criteria?productGroup=laptops&lang=nl", 2)]
    [InlineData("/api/v1/criteria?productGroup=laptops&version=1.0", 2)]
    [InlineData("/api/v1/product-groups/laptops/versions", 1)]
    [InlineData("/criteria?productGroup=laptops&lang=de", 3)]
    public async Task A_criteria_set_is_read_in_one_round_trip_for_its_group_versions_and_release_notes_and_one_for_its_criteria(
        string address,
        int expectedQueries)
    {
        using var client = portal.CreateClient();
        using (await client.GetAsync(address))
        {
        }

        using var response = await client.GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedQueries, int.Parse(response.Headers.GetValues("X-Sql-Queries").Single(), CultureInfo.InvariantCulture));
    }

    private async Task<Dictionary<string, int>> CountQueriesAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in Pages.GroupBy(p => p.Email))
        {
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (group.Key is { } email)
            {
                var signIn = await FormSignIn.SignInAsync(client, email, authenticatorKey: DemoAccounts.AdminAuthenticatorKey);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            foreach (var (_, path) in group)
            {
                // The first request warms caches that are filled once per process (localisation, model building).
                using (await client.GetAsync(path))
                {
                }

                using var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                counts[$"{group.Key ?? "anonymous"} {path}"] = int.Parse(
                    response.Headers.GetValues("X-Sql-Queries").Single(),
                    CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    private async Task AddMembersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await portal.CreateDutchMemberAsync(MemberTestData.Unique("Query count member"), null,
                new ContactDetails(null, "Contact " + i, $"contact{i}.{Guid.NewGuid():N}@member.example", null, "Buyer"));
        }
    }

    private async Task AddSignedSignatoriesAsync(int count)
    {
        await using var db = portal.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            WITH added AS (
                INSERT INTO signatories (id, name, kind, role, country_code, status)
                SELECT gen_random_uuid(), 'Query count signatory ' || i, 'Organisation', 'Participant', 'FR', 'Signed'
                FROM generate_series(1, {count}) AS i
                RETURNING id, name)
            , changes AS (
                INSERT INTO signatory_status_changes (status, "on", signatory_id) SELECT 'Signed', DATE '2025-05-01', id FROM added)
            INSERT INTO buyer_groups (id, signatory_id, name, coordinating_organisation, supporting_organisations, is_archived)
            SELECT gen_random_uuid(), id, name || ' buyer group', 'Coordinating body', ARRAY[]::text[], false FROM added;
            """);
    }

    private async Task AddPublishedLaptopCriteriaAsync(int count)
    {
        await using var db = portal.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            WITH published AS (
                SELECT s.id FROM criteria_sets s JOIN product_groups p ON p.id = s.product_group_id
                WHERE p.slug = 'laptops' AND s.status = 'Published')
            , added AS (
                INSERT INTO criteria (id, criteria_set_id, code, theme, ambition_level, type, strategy, source_revision)
                SELECT gen_random_uuid(), published.id, 'QCX-BAT-' || (100 + i), 'Battery', 'Core', 'TechnicalSpecification', 'UseLonger', 1
                FROM published CROSS JOIN generate_series(1, {count}) AS i
                RETURNING id, code)
            INSERT INTO criterion_texts (id, criterion_id, language, title, requirement, translated_from_revision)
            SELECT gen_random_uuid(), added.id, l.language, 'Battery criterion ' || added.code,
                   '<p>The battery keeps 80% of its capacity.</p>', 1
            FROM added CROSS JOIN unnest(ARRAY['En','Nl','Fr','De']) AS l(language);
            """);
    }

    private async Task AddSharedTendersOfTheProcurersOrganisationAsync(int count)
    {
        await using var db = portal.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            WITH procurer AS (SELECT id, member_organisation_id FROM users
                              WHERE normalized_email = {DemoAccounts.Procurer.ToUpperInvariant()})
            INSERT INTO tenders (id, member_organisation_id, title, product_group_id, status, planned_publication_on, estimated_quantity,
                                 estimated_value, currency, shared_in_calendar, criterion_ids, created_by_user_id, created_at, updated_at)
            SELECT gen_random_uuid(), procurer.member_organisation_id, 'Query count tender ' || i, p.id, 'Planned', CURRENT_DATE + 30 + i,
                   100 + i, (100 + i) * 900.00, 'EUR', true, ARRAY[]::uuid[], procurer.id, now(), now()
            FROM procurer CROSS JOIN product_groups p CROSS JOIN generate_series(1, {count}) AS i
            WHERE p.slug = 'laptops';
            """);
    }

    private async Task AddPactWideThreadsAsync(int count)
    {
        await using var db = portal.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"""
            WITH author AS (SELECT id FROM users WHERE normalized_email = {DemoAccounts.CoordinatorNetherlands.ToUpperInvariant()})
            , added AS (
                INSERT INTO discussion_threads (id, space_key, author_user_id, title, body, tags, created_at, last_activity_at, is_locked)
                SELECT gen_random_uuid(), 'pact', author.id, 'Query count thread ' || i, 'Which warranty do you ask?', ARRAY['repair'],
                       now(), now(), false
                FROM author CROSS JOIN generate_series(1, {count}) AS i
                RETURNING id, author_user_id)
            INSERT INTO discussion_replies (id, thread_id, author_user_id, body, created_at)
            SELECT gen_random_uuid(), id, author_user_id, 'Five years.', now() FROM added;
            """);
    }
}
