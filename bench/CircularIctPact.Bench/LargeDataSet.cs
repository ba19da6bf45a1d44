using System.Diagnostics;
using Npgsql;

namespace CircularIctPact.Bench;

/// <summary>
/// Tops the demo database up to the "ten times the pact" sizes with set-based SQL (one statement per
/// entity, <c>INSERT … SELECT … FROM generate_series</c>), so a whole seed takes seconds, not minutes.
/// A feature that lands later adds one <see cref="SeedStep"/> to <see cref="Steps"/>; steps whose table does not
/// exist on this branch yet are skipped and reported.
/// </summary>
internal static class LargeDataSet
{
    public const int Signatories = 40;
    public const int BuyerGroups = 60;
    public const int MemberOrganisations = 10_000;
    public const int Users = 50_000;
    public const int ProductGroups = 20;
    public const int VersionsPerProductGroup = 5;
    public const int CriteriaPerVersion = 40;
    public const int Tenders = 50_000;

    /// <summary>Posts are threads and replies together; a fifth of them open a thread.</summary>
    public const int DiscussionPosts = 20_000;
    public const int DiscussionThreads = DiscussionPosts / 5;

    /// <summary>Every bench user signs in with the demo password: their hash is copied from the demo procurer.</summary>
    public static IReadOnlyList<SeedStep> Steps { get; } =
    [
        new("signatories", "signatories", $"""
            INSERT INTO signatories (id, name, kind, role, country_code, status, contact_name, contact_email)
            SELECT gen_random_uuid(), 'Bench signatory ' || lpad(i::text, 3, '0'), 'Organisation', 'Participant',
                   (ARRAY['NL','BE','FR','DE','AT','DK','SE','FI','IE','ES'])[1 + i % 10], 'Signed',
                   'Contact ' || i, 'contact' || i || '@signatory.bench.example'
            FROM generate_series(1, greatest(0, {Signatories} - (SELECT count(*) FROM signatories))::int) AS i;
            INSERT INTO signatory_status_changes (status, "on", note, signatory_id)
            SELECT 'Signed', DATE '2024-01-01' + (abs(hashtext(s.id::text)) % 600), NULL, s.id
            FROM signatories s WHERE s.name LIKE 'Bench signatory %';
            """),
        new("buyer groups", "buyer_groups", $"""
            INSERT INTO buyer_groups (id, signatory_id, name, coordinating_organisation, supporting_organisations, description, is_archived)
            SELECT gen_random_uuid(), s.id, 'Bench buyer group ' || lpad(i::text, 3, '0'), 'Coordinating body ' || i,
                   ARRAY['Support office ' || i], 'A buyer group generated for the benchmark.', false
            FROM generate_series(1, greatest(0, {BuyerGroups} - (SELECT count(*) FROM buyer_groups))::int) AS i
            CROSS JOIN LATERAL (SELECT id FROM signatories ORDER BY name OFFSET (i % {Signatories}) LIMIT 1) AS s;
            """),
        new("member organisations", "member_organisations", $"""
            WITH groups AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM buyer_groups)
            INSERT INTO member_organisations (id, buyer_group_id, legal_name, legal_name_key, sector, country_code, website, website_host,
                                              size_band, ict_spend_band, joined_on, status)
            SELECT gen_random_uuid(), g.id, 'Bench organisation ' || lpad(i::text, 5, '0'), 'bench organisation ' || lpad(i::text, 5, '0'),
                   (ARRAY['CentralGovernment','RegionalOrLocalGovernment','Education','Healthcare','OtherPublicBody',
                          'PrivateCompany','NonProfit'])[1 + i % 7],
                   (ARRAY['NL','BE','FR','DE','AT','DK','SE','FI','IE','ES'])[1 + i % 10],
                   'https://org' || i || '.bench.example', 'org' || i || '.bench.example',
                   (ARRAY['Small','Medium','Large','VeryLarge'])[1 + i % 4],
                   (ARRAY['Under1Million','From1To10Million','From10To50Million','Over50Million'])[1 + i % 4],
                   DATE '2023-01-01' + (i % 1000), (ARRAY['Active','Active','Active','Applied','Suspended','Left'])[1 + i % 6]
            FROM generate_series(1, greatest(0, {MemberOrganisations} - (SELECT count(*) FROM member_organisations))::int) AS i
            JOIN groups g ON g.n = i % (SELECT count(*) FROM buyer_groups);
            INSERT INTO audit_entries (occurred_at, actor_user_id, actor_name, entity_type, entity_id, buyer_group_id, action, summary,
                                       before, after)
            SELECT now() - (row_number() OVER (ORDER BY m.legal_name)) * interval '1 minute', NULL, 'Bench import', 'MemberOrganisation',
                   m.id, m.buyer_group_id, 'Created', 'Member ' || m.legal_name || ' added', NULL,
                   jsonb_build_object('LegalName', m.legal_name)
            FROM member_organisations m WHERE m.legal_name LIKE 'Bench organisation %';
            """),
        new("users", "users", $"""
            WITH orgs AS (SELECT id, row_number() OVER (ORDER BY legal_name) - 1 AS n FROM member_organisations),
                 template AS (SELECT password_hash FROM users WHERE normalized_email = 'PROCURER@CFIT.EXAMPLE')
            INSERT INTO users (id, display_name, member_organisation_id, created_at, user_name, normalized_user_name, email,
                               normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp,
                               phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT gen_random_uuid(), 'Bench user ' || i, o.id, now(), 'user' || i || '@bench.example', 'USER' || i || '@BENCH.EXAMPLE',
                   'user' || i || '@bench.example', 'USER' || i || '@BENCH.EXAMPLE', true, (SELECT password_hash FROM template),
                   md5(i::text || 'stamp'), gen_random_uuid()::text, false, false, true, 0
            FROM generate_series(1, greatest(0, {Users} - (SELECT count(*) FROM users))::int) AS i
            JOIN orgs o ON o.n = i % (SELECT count(*) FROM member_organisations);
            INSERT INTO user_roles (user_id, role_id)
            SELECT u.id, r.id FROM users u CROSS JOIN roles r
            WHERE u.normalized_email LIKE '%@BENCH.EXAMPLE' AND r.normalized_name = 'PROCURER';
            """),
        new("criteria", "criteria", $"""
            INSERT INTO product_groups (id, slug)
            SELECT gen_random_uuid(), 'bench-group-' || lpad(i::text, 2, '0')
            FROM generate_series(1, greatest(0, {ProductGroups} - (SELECT count(*) FROM product_groups))::int) AS i;
            INSERT INTO product_group_names (language, name, product_group_id)
            SELECT l.language, 'Bench product group ' || substr(p.slug, 13) || ' (' || l.language || ')', p.id
            FROM product_groups p CROSS JOIN unnest(ARRAY['En','Nl','Fr','De']) AS l(language) WHERE p.slug LIKE 'bench-group-%';
            INSERT INTO criteria_sets (id, product_group_id, number, status, published_on, based_on_set_id)
            SELECT gen_random_uuid(), p.id, v || '.0', CASE WHEN v = {VersionsPerProductGroup} THEN 'Published' ELSE 'Superseded' END,
                   DATE '2022-01-01' + v * 180, NULL
            FROM product_groups p CROSS JOIN generate_series(1, {VersionsPerProductGroup}) AS v WHERE p.slug LIKE 'bench-group-%';
            INSERT INTO criteria (id, criteria_set_id, code, theme, ambition_level, type, strategy, "references", source_revision)
            SELECT gen_random_uuid(), s.id,
                   'B' || chr(65 + substr(p.slug, 13)::int) || '-'
                       || (ARRAY['LIF','REP','BAT','SOF','REU','REC','TAK','SUP','LAB','RES','ENE','HAZ'])[1 + c % 12]
                       || '-' || lpad(c::text, 2, '0'),
                   (ARRAY['LifetimeAndWarranty','RepairabilityAndSpareParts','Battery','SoftwareSupport','ReuseAndRefurbishment',
                          'RecycledContent','TakeBackAndEndOfLife','SupplyChainTransparency','LabourRights','ResponsibleMinerals',
                          'EnergyAndClimate','HazardousSubstances'])[1 + c % 12],
                   (ARRAY['Core','Comprehensive','Frontrunner'])[1 + c % 3],
                   (ARRAY['SelectionCriterion','TechnicalSpecification','AwardCriterion','ContractPerformanceClause'])[1 + c % 4],
                   (ARRAY['BuyLess','BuyBetter','UseBetter','UseLonger'])[1 + c % 4], NULL, 1
            FROM criteria_sets s JOIN product_groups p ON p.id = s.product_group_id
            CROSS JOIN generate_series(1, {CriteriaPerVersion}) AS c WHERE p.slug LIKE 'bench-group-%';
            INSERT INTO criterion_texts (id, criterion_id, language, title, requirement, verification, contract_management,
                                         explanatory_note, market_readiness, translated_from_revision)
            SELECT gen_random_uuid(), c.id, l.language, 'Criterion ' || c.code || ' (' || l.language || ')',
                   '<p>The tenderer shall demonstrate that the offered equipment meets requirement ' || c.code
                       || ' for the whole contract period, including spare parts, repair information and take-back.</p>',
                   '<p>Provide the manufacturer''s declaration and a test report from an accredited body.</p>',
                   '<p>The contractor reports yearly on delivery against ' || c.code || '.</p>', NULL, NULL, 1
            FROM criteria c JOIN criteria_sets s ON s.id = c.criteria_set_id JOIN product_groups p ON p.id = s.product_group_id
            CROSS JOIN unnest(ARRAY['En','Nl','Fr','De']) AS l(language) WHERE p.slug LIKE 'bench-group-%';
            """),
        new("tenders", "tenders", $"""
            WITH orgs AS (SELECT id, row_number() OVER (ORDER BY legal_name) - 1 AS n FROM member_organisations),
                 authors AS (SELECT DISTINCT ON (member_organisation_id) member_organisation_id, id FROM users
                             WHERE member_organisation_id IS NOT NULL ORDER BY member_organisation_id, id),
                 published AS (SELECT s.product_group_id, s.id AS set_id, row_number() OVER (ORDER BY p.slug) - 1 AS n,
                                      (SELECT array_agg(c.id ORDER BY c.code)
                                       FROM (SELECT id, code FROM criteria WHERE criteria_set_id = s.id ORDER BY code LIMIT 6) c)
                                          AS criterion_ids
                               FROM criteria_sets s JOIN product_groups p ON p.id = s.product_group_id WHERE s.status = 'Published'),
                 numbered AS (SELECT i, (ARRAY['Planned','Planned','Published','Awarded','Awarded','Cancelled'])[1 + i % 6] AS status
                              FROM generate_series(1, greatest(0, {Tenders} - (SELECT count(*) FROM tenders))::int) AS i)
            INSERT INTO tenders (id, member_organisation_id, title, product_group_id, status, planned_publication_on, actual_publication_on,
                                 contract_start_on, contract_end_on, estimated_quantity, estimated_value, currency, shared_in_calendar,
                                 criteria_set_id, criterion_ids, created_by_user_id, created_at, updated_at)
            SELECT gen_random_uuid(), o.id, 'Bench tender ' || lpad(t.i::text, 5, '0'), pg.product_group_id, t.status,
                   CASE WHEN t.status = 'Planned' THEN CURRENT_DATE + (t.i % 720) ELSE CURRENT_DATE - (30 + t.i % 900) END,
                   CASE WHEN t.status IN ('Published','Awarded') THEN CURRENT_DATE - (30 + t.i % 900) END,
                   CASE WHEN t.status = 'Awarded' THEN CURRENT_DATE - (t.i % 600) END,
                   CASE WHEN t.status = 'Awarded' THEN CURRENT_DATE - (t.i % 600) + 1461 END,
                   50 + (t.i * 37) % 5000, (50 + (t.i * 37) % 5000) * 900.00, 'EUR', t.i % 3 = 0,
                   pg.set_id, coalesce(pg.criterion_ids, ARRAY[]::uuid[]), a.id,
                   now() - (t.i % 900) * interval '1 day', now() - (t.i % 900) * interval '1 day'
            FROM numbered t
            JOIN orgs o ON o.n = t.i % (SELECT count(*) FROM member_organisations)
            JOIN authors a ON a.member_organisation_id = o.id
            JOIN published pg ON pg.n = t.i % (SELECT count(*) FROM published);
            INSERT INTO tender_awards (id, awarded_on, supplier_name, device_models, awarded_quantity, unit_price, warranty_years,
                                       expected_years_of_use, take_back_agreed)
            SELECT t.id, t.contract_start_on, 'Bench supplier ' || (abs(hashtext(t.id::text)) % 40),
                   'Model ' || (abs(hashtext(t.id::text)) % 200), t.estimated_quantity, 850.00 + abs(hashtext(t.id::text)) % 500,
                   3 + abs(hashtext(t.id::text)) % 3, 4.0 + (abs(hashtext(t.id::text)) % 4) * 0.5, abs(hashtext(t.id::text)) % 2 = 0
            FROM tenders t WHERE t.title LIKE 'Bench tender %' AND t.status = 'Awarded'
              AND NOT EXISTS (SELECT 1 FROM tender_awards w WHERE w.id = t.id);
            """),
        new("discussion posts", "discussion_replies",
            CountSql: "SELECT (SELECT count(*) FROM discussion_threads) + (SELECT count(*) FROM discussion_replies)", Sql: $"""
            WITH groups AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM buyer_groups),
                 voices AS (SELECT o.buyer_group_id, u.id, row_number() OVER (PARTITION BY o.buyer_group_id ORDER BY u.id) AS k
                            FROM users u JOIN member_organisations o ON o.id = u.member_organisation_id)
            INSERT INTO discussion_threads (id, space_key, author_user_id, title, body, tags, created_at, last_activity_at, is_locked)
            SELECT gen_random_uuid(), CASE WHEN i % 5 = 0 THEN 'pact' ELSE 'bg-' || g.id::text END, v.id,
                   'Bench question ' || lpad(i::text, 5, '0') || ' about '
                       || (ARRAY['battery replacement','spare parts','refurbished laptops','take-back','supplier audits'])[1 + i % 5],
                   'How do others handle '
                       || (ARRAY['battery replacement','spare parts','refurbished laptops','take-back','supplier audits'])[1 + i % 5]
                       || ' in their contracts? We are preparing tender ' || i || '.',
                   ARRAY[(ARRAY['battery','repair','reuse','take-back','labour'])[1 + i % 5]],
                   now() - (i % 700) * interval '1 hour', now() - (i % 700) * interval '1 hour', false
            FROM generate_series(1, greatest(0, {DiscussionThreads} - (SELECT count(*) FROM discussion_threads))::int) AS i
            JOIN groups g ON g.n = i % (SELECT count(*) FROM buyer_groups)
            JOIN voices v ON v.buyer_group_id = g.id AND v.k = 1;
            WITH threads AS (SELECT t.id, t.author_user_id, t.created_at, row_number() OVER (ORDER BY t.title) - 1 AS n
                             FROM discussion_threads t WHERE t.title LIKE 'Bench question %')
            INSERT INTO discussion_replies (id, thread_id, author_user_id, body, created_at)
            SELECT gen_random_uuid(), t.id, t.author_user_id,
                   'In our last contract we asked for ' || (3 + j % 4) || ' years and checked it at delivery (reply ' || j || ').',
                   t.created_at + (1 + j / (SELECT count(*) FROM threads)) * interval '10 minutes'
            FROM generate_series(1, greatest(0, {DiscussionPosts} - (SELECT count(*) FROM discussion_threads)
                                                - (SELECT count(*) FROM discussion_replies))::int) AS j
            JOIN threads t ON t.n = j % (SELECT count(*) FROM threads);
            UPDATE discussion_threads t SET last_activity_at = r.latest
            FROM (SELECT thread_id, max(created_at) AS latest FROM discussion_replies GROUP BY thread_id) r
            WHERE r.thread_id = t.id AND t.title LIKE 'Bench question %';
            """),
    ];

    public static async Task<IReadOnlyList<string>> SeedAsync(string connectionString, TextWriter log)
    {
        var report = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var step in Steps)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
            exists.Parameters.AddWithValue("table", step.Table);
            if (!(bool)(await exists.ExecuteScalarAsync() ?? false))
            {
                report.Add($"{step.Name}: skipped, table {step.Table} does not exist on this branch");
                continue;
            }

            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(step.Sql, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
            await using var count = new NpgsqlCommand(step.CountSql ?? $"SELECT count(*) FROM {step.Table}", connection);
            var rows = (long)(await count.ExecuteScalarAsync() ?? 0L);
            var line = step.CountSql is null
                ? $"{step.Name}: {rows:N0} rows in {step.Table} ({clock.Elapsed.TotalSeconds:F1} s)"
                : $"{step.Name}: {rows:N0} ({clock.Elapsed.TotalSeconds:F1} s)";
            report.Add(line);
            await log.WriteLineAsync(line);
        }

        await using var analyse = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 600 };
        await analyse.ExecuteNonQueryAsync();
        return report;
    }
}

/// <summary>
/// One entity's bulk insert. <paramref name="Table"/> must exist for the step to run and its rows are reported,
/// unless <paramref name="CountSql"/> counts what the step stands for across several tables.
/// </summary>
internal sealed record SeedStep(string Name, string Table, string Sql, string? CountSql = null);
