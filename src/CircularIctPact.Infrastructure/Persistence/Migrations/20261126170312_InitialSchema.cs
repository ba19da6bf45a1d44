using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "product_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "working_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    mandate = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "criteria_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: true),
                    based_on_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criteria_sets", x => x.id);
                    table.ForeignKey(
                        name: "fk_criteria_sets_criteria_sets_based_on_set_id",
                        column: x => x.based_on_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_criteria_sets_product_groups_product_group_id",
                        column: x => x.product_group_id,
                        principalTable: "product_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "product_group_names",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    product_group_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_product_group_names", x => x.id);
                    table.ForeignKey(
                        name: "fk_product_group_names_product_groups_product_group_id",
                        column: x => x.product_group_id,
                        principalTable: "product_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    online_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    agenda = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    attendee_user_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    attendance_recorded = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_group_meetings_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "criteria",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    criteria_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ambition_level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    strategy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    references = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    source_revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criteria", x => x.id);
                    table.ForeignKey(
                        name: "fk_criteria_criteria_sets_criteria_set_id",
                        column: x => x.criteria_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "criteria_set_release_notes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    criteria_set_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criteria_set_release_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_criteria_set_release_notes_criteria_sets_criteria_set_id",
                        column: x => x.criteria_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    criteria_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_group_outcomes_criteria_sets_criteria_set_id",
                        column: x => x.criteria_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_working_group_outcomes_working_group_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "working_group_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_working_group_outcomes_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "criterion_texts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    requirement = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    verification = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    contract_management = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    explanatory_note = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    market_readiness = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    translated_from_revision = table.Column<int>(type: "integer", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(requirement, '') || ' ' || coalesce(verification, '') || ' ' || coalesce(contract_management, '') || ' ' || coalesce(explanatory_note, '') || ' ' || coalesce(market_readiness, '')), 'B')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criterion_texts", x => x.id);
                    table.ForeignKey(
                        name: "fk_criterion_texts_criteria_criterion_id",
                        column: x => x.criterion_id,
                        principalTable: "criteria",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "buyer_group_coordinators",
                columns: table => new
                {
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buyer_group_coordinators", x => new { x.buyer_group_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "buyer_group_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    stored_document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buyer_group_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "buyer_group_tiers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buyer_group_tiers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "buyer_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    signatory_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    coordinating_organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    supporting_organisations = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    archived_on = table.Column<DateOnly>(type: "date", nullable: true),
                    archive_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buyer_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "member_organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    website_host = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    size_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ict_spend_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status_changed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_organisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_organisations_buyer_group_tiers_tier_id",
                        column: x => x.tier_id,
                        principalTable: "buyer_group_tiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_organisations_buyer_groups_buyer_group_id",
                        column: x => x.buyer_group_id,
                        principalTable: "buyer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_contacts_member_organisations_member_organisation_id",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "self_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessments_member_organisations_member_organisation_id",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_sign_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    preferred_culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_member_organisations_member_organisation_id",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "self_assessment_answers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    self_assessment_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_self_assessment_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_self_assessment_answers_self_assessments_self_assessment_id",
                        column: x => x.self_assessment_id,
                        principalTable: "self_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    criteria_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultations_criteria_sets_criteria_set_id",
                        column: x => x.criteria_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultations_users_opened_by_user_id",
                        column: x => x.opened_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "criterion_suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criteria_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    triage_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    triaged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    triaged_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    linked_draft_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_criterion_suggestions", x => x.id);
                    table.ForeignKey(
                        name: "fk_criterion_suggestions_criteria_sets_criteria_set_id",
                        column: x => x.criteria_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_criterion_suggestions_criteria_sets_linked_draft_set_id",
                        column: x => x.linked_draft_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_criterion_suggestions_product_groups_product_group_id",
                        column: x => x.product_group_id,
                        principalTable: "product_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_criterion_suggestions_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    time_zone_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    online_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    audience = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organiser_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_events_buyer_groups_buyer_group_id",
                        column: x => x.buyer_group_id,
                        principalTable: "buyer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_events_users_organiser_user_id",
                        column: x => x.organiser_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_events_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    coordinated_buyer_group_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    working_group_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    invited_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_buyer_groups_buyer_group_id",
                        column: x => x.buyer_group_id,
                        principalTable: "buyer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitations_member_organisations_member_organisation_id",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitations_users_accepted_user_id",
                        column: x => x.accepted_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invitations_users_invited_by_user_id",
                        column: x => x.invited_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "library_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    product_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(description, '')), 'B')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_library_items_product_groups_product_group_id",
                        column: x => x.product_group_id,
                        principalTable: "product_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_library_items_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "market_signal_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    first_quarter_start = table.Column<DateOnly>(type: "date", nullable: false),
                    figures_json = table.Column<string>(type: "jsonb", nullable: false),
                    published_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_signal_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_signal_snapshots_users_published_by_user_id",
                        column: x => x.published_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membership_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    size_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ict_spend_band = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    contact_function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    motivation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decision_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_membership_applications_buyer_groups_buyer_group_id",
                        column: x => x.buyer_group_id,
                        principalTable: "buyer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_membership_applications_member_organisations_member_organis",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_membership_applications_users_decided_by_user_id",
                        column: x => x.decided_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mail_mode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    muted_kinds = table.Column<string[]>(type: "text[]", nullable: false),
                    last_digest_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_preferences", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_notification_preferences_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    mailed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_users_recipient_user_id",
                        column: x => x.recipient_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_calculations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    query = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_calculations", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_calculations_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_shortlists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    criterion_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_shortlists", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_shortlists_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stored_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_stored_documents_users_uploaded_by_user_id",
                        column: x => x.uploaded_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "tenders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    product_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    planned_publication_on = table.Column<DateOnly>(type: "date", nullable: false),
                    actual_publication_on = table.Column<DateOnly>(type: "date", nullable: true),
                    contract_start_on = table.Column<DateOnly>(type: "date", nullable: true),
                    contract_end_on = table.Column<DateOnly>(type: "date", nullable: true),
                    estimated_quantity = table.Column<int>(type: "integer", nullable: true),
                    estimated_value = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    shared_in_calendar = table.Column<bool>(type: "boolean", nullable: false),
                    criteria_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    criterion_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenders", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenders_criteria_sets_criteria_set_id",
                        column: x => x.criteria_set_id,
                        principalTable: "criteria_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tenders_member_organisations_member_organisation_id",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tenders_product_groups_product_group_id",
                        column: x => x.product_group_id,
                        principalTable: "product_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tenders_users_created_by_user_id",
                        column: x => x.created_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    provider_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_passkeys",
                columns: table => new
                {
                    credential_id = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_passkeys", x => x.credential_id);
                    table.ForeignKey(
                        name: "fk_user_passkeys_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_action_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_action_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_group_action_items_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_working_group_action_items_working_group_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "working_group_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_action_items_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "working_group_participants",
                columns: table => new
                {
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stakeholder_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_participants", x => new { x.working_group_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_working_group_participants_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_participants_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consultation_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    consultation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_organisation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_comments_consultations_consultation_id",
                        column: x => x.consultation_id,
                        principalTable: "consultations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_consultation_comments_users_answered_by_user_id",
                        column: x => x.answered_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultation_comments_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attended = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_registrations_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_registrations_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_materials",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_materials_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_materials_stored_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "stored_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "good_practice_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    context = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    approach = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    results = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    impact = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    lessons_learned = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    product_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    attachment_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(results, '') || ' ' || coalesce(impact, '') || ' ' || coalesce(lessons_learned, '')), 'B')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_good_practice_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_good_practice_cases_buyer_groups_buyer_group_id",
                        column: x => x.buyer_group_id,
                        principalTable: "buyer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_good_practice_cases_member_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_good_practice_cases_product_groups_product_group_id",
                        column: x => x.product_group_id,
                        principalTable: "product_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_good_practice_cases_stored_documents_attachment_document_id",
                        column: x => x.attachment_document_id,
                        principalTable: "stored_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_good_practice_cases_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "library_item_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    change_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_library_item_versions", x => x.id);
                    table.CheckConstraint("ck_library_item_versions_file_or_link", "(document_id IS NULL) <> (url IS NULL)");
                    table.ForeignKey(
                        name: "fk_library_item_versions_library_items_item_id",
                        column: x => x.item_id,
                        principalTable: "library_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_library_item_versions_stored_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "stored_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_library_item_versions_users_uploaded_by_user_id",
                        column: x => x.uploaded_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "signatories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    commitment_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signatories", x => x.id);
                    table.ForeignKey(
                        name: "fk_signatories_stored_documents_commitment_document_id",
                        column: x => x.commitment_document_id,
                        principalTable: "stored_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "working_group_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    working_group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stored_document_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_working_group_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_working_group_documents_stored_documents_stored_document_id",
                        column: x => x.stored_document_id,
                        principalTable: "stored_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_working_group_documents_working_group_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "working_group_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_documents_working_group_outcomes_outcome_id",
                        column: x => x.outcome_id,
                        principalTable: "working_group_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_working_group_documents_working_groups_working_group_id",
                        column: x => x.working_group_id,
                        principalTable: "working_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tender_awards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    awarded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    supplier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    device_models = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    awarded_quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    warranty_years = table.Column<int>(type: "integer", nullable: false),
                    expected_years_of_use = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    take_back_agreed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tender_awards", x => x.id);
                    table.ForeignKey(
                        name: "fk_tender_awards_tenders_id",
                        column: x => x.id,
                        principalTable: "tenders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tender_interests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tender_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tender_interests", x => x.id);
                    table.ForeignKey(
                        name: "fk_tender_interests_member_organisations_member_organisation_id",
                        column: x => x.member_organisation_id,
                        principalTable: "member_organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tender_interests_tenders_tender_id",
                        column: x => x.tender_id,
                        principalTable: "tenders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tender_interests_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tender_lots",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: true),
                    tender_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tender_lots", x => x.id);
                    table.ForeignKey(
                        name: "fk_tender_lots_tenders_tender_id",
                        column: x => x.tender_id,
                        principalTable: "tenders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "good_practice_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_good_practice_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_good_practice_reviews_good_practice_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "good_practice_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_good_practice_reviews_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "signatory_status_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signatory_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signatory_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_signatory_status_changes_signatories_signatory_id",
                        column: x => x.signatory_id,
                        principalTable: "signatories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', coalesce(body, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_discussion_replies_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "discussion_threads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    space_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    tags = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_locked = table.Column<bool>(type: "boolean", nullable: false),
                    solution_reply_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(body, '')), 'B')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discussion_threads", x => x.id);
                    table.ForeignKey(
                        name: "fk_discussion_threads_discussion_replies_solution_reply_id",
                        column: x => x.solution_reply_id,
                        principalTable: "discussion_replies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_discussion_threads_users_author_user_id",
                        column: x => x.author_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_buyer_group_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "buyer_group_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_entity_type_entity_id",
                table: "audit_entries",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_buyer_group_coordinators_user_id",
                table: "buyer_group_coordinators",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_buyer_group_documents_buyer_group_id",
                table: "buyer_group_documents",
                column: "buyer_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_buyer_group_documents_stored_document_id",
                table: "buyer_group_documents",
                column: "stored_document_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_buyer_group_tiers_buyer_group_id_name",
                table: "buyer_group_tiers",
                columns: new[] { "buyer_group_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_buyer_groups_name",
                table: "buyer_groups",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_buyer_groups_signatory_id",
                table: "buyer_groups",
                column: "signatory_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_answered_by_user_id",
                table: "consultation_comments",
                column: "answered_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_author_user_id",
                table: "consultation_comments",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultation_comments_consultation_id_criterion_code",
                table: "consultation_comments",
                columns: new[] { "consultation_id", "criterion_code" });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_closes_at",
                table: "consultations",
                column: "closes_at");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_criteria_set_id",
                table: "consultations",
                column: "criteria_set_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultations_opened_by_user_id",
                table: "consultations",
                column: "opened_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_criteria_criteria_set_id_code",
                table: "criteria",
                columns: new[] { "criteria_set_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_criteria_set_release_notes_criteria_set_id",
                table: "criteria_set_release_notes",
                column: "criteria_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_based_on_set_id",
                table: "criteria_sets",
                column: "based_on_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_product_group_id_number",
                table: "criteria_sets",
                columns: new[] { "product_group_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_criteria_sets_product_group_id_status",
                table: "criteria_sets",
                columns: new[] { "product_group_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_criterion_suggestions_author_user_id",
                table: "criterion_suggestions",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_criterion_suggestions_criteria_set_id",
                table: "criterion_suggestions",
                column: "criteria_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_criterion_suggestions_linked_draft_set_id",
                table: "criterion_suggestions",
                column: "linked_draft_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_criterion_suggestions_product_group_id_status",
                table: "criterion_suggestions",
                columns: new[] { "product_group_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_criterion_texts_criterion_id_language",
                table: "criterion_texts",
                columns: new[] { "criterion_id", "language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_criterion_texts_search_vector",
                table: "criterion_texts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_replies_author_user_id",
                table: "discussion_replies",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_replies_search_vector",
                table: "discussion_replies",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_replies_thread_id_created_at",
                table: "discussion_replies",
                columns: new[] { "thread_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_author_user_id",
                table: "discussion_threads",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_search_vector",
                table: "discussion_threads",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_solution_reply_id",
                table: "discussion_threads",
                column: "solution_reply_id");

            migrationBuilder.CreateIndex(
                name: "ix_discussion_threads_space_key_last_activity_at",
                table: "discussion_threads",
                columns: new[] { "space_key", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_event_materials_document_id",
                table: "event_materials",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_materials_event_id",
                table: "event_materials",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_id_user_id",
                table: "event_registrations",
                columns: new[] { "event_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_user_id",
                table: "event_registrations",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_buyer_group_id",
                table: "events",
                column: "buyer_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_organiser_user_id",
                table: "events",
                column: "organiser_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_starts_at",
                table: "events",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_events_working_group_id",
                table: "events",
                column: "working_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_attachment_document_id",
                table: "good_practice_cases",
                column: "attachment_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_author_user_id",
                table: "good_practice_cases",
                column: "author_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_buyer_group_id",
                table: "good_practice_cases",
                column: "buyer_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_organisation_id",
                table: "good_practice_cases",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_product_group_id",
                table: "good_practice_cases",
                column: "product_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_search_vector",
                table: "good_practice_cases",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_status_visibility",
                table: "good_practice_cases",
                columns: new[] { "status", "visibility" });

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_cases_tags",
                table: "good_practice_cases",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_reviews_by_user_id",
                table: "good_practice_reviews",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_good_practice_reviews_case_id_at",
                table: "good_practice_reviews",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_accepted_user_id",
                table: "invitations",
                column: "accepted_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_buyer_group_id_invited_at",
                table: "invitations",
                columns: new[] { "buyer_group_id", "invited_at" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_email",
                table: "invitations",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_invited_by_user_id",
                table: "invitations",
                column: "invited_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_member_organisation_id",
                table: "invitations",
                column: "member_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_item_versions_document_id",
                table: "library_item_versions",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_item_versions_item_id_number",
                table: "library_item_versions",
                columns: new[] { "item_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_library_item_versions_uploaded_by_user_id",
                table: "library_item_versions",
                column: "uploaded_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_items_created_by_user_id",
                table: "library_items",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_items_product_group_id",
                table: "library_items",
                column: "product_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_library_items_search_vector",
                table: "library_items",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_library_items_tags",
                table: "library_items",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_market_signal_snapshots_number",
                table: "market_signal_snapshots",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_signal_snapshots_published_by_user_id",
                table: "market_signal_snapshots",
                column: "published_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_contacts_email",
                table: "member_contacts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_member_contacts_member_organisation_id",
                table: "member_contacts",
                column: "member_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_country_code",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "country_code" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_joined_on",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "joined_on" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_legal_name",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "legal_name" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_legal_name_key",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "legal_name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_sector",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "sector" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_status",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_tier_id",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "tier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_website_host",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "website_host" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_tier_id",
                table: "member_organisations",
                column: "tier_id");

            migrationBuilder.CreateIndex(
                name: "ix_membership_applications_buyer_group_id_status_submitted_at",
                table: "membership_applications",
                columns: new[] { "buyer_group_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_membership_applications_decided_by_user_id",
                table: "membership_applications",
                column: "decided_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_membership_applications_member_organisation_id",
                table: "membership_applications",
                column: "member_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_id_created_at",
                table: "notifications",
                columns: new[] { "recipient_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_product_group_names_product_group_id",
                table: "product_group_names",
                column: "product_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_groups_slug",
                table: "product_groups",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_calculations_owner_user_id_name",
                table: "saved_calculations",
                columns: new[] { "owner_user_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_shortlists_owner_user_id_name",
                table: "saved_shortlists",
                columns: new[] { "owner_user_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessment_answers_self_assessment_id_theme",
                table: "self_assessment_answers",
                columns: new[] { "self_assessment_id", "theme" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_self_assessments_member_organisation_id_year",
                table: "self_assessments",
                columns: new[] { "member_organisation_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signatories_commitment_document_id",
                table: "signatories",
                column: "commitment_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_signatories_name",
                table: "signatories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signatory_status_changes_signatory_id",
                table: "signatory_status_changes",
                column: "signatory_id");

            migrationBuilder.CreateIndex(
                name: "ix_stored_documents_sha256",
                table: "stored_documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_stored_documents_uploaded_by_user_id",
                table: "stored_documents",
                column: "uploaded_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_interests_member_organisation_id",
                table: "tender_interests",
                column: "member_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_interests_tender_id_user_id",
                table: "tender_interests",
                columns: new[] { "tender_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tender_interests_user_id",
                table: "tender_interests",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_lots_tender_id",
                table: "tender_lots",
                column: "tender_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenders_created_by_user_id",
                table: "tenders",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenders_criteria_set_id",
                table: "tenders",
                column: "criteria_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenders_member_organisation_id_status",
                table: "tenders",
                columns: new[] { "member_organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tenders_product_group_id",
                table: "tenders",
                column: "product_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenders_status_planned_publication_on",
                table: "tenders",
                columns: new[] { "status", "planned_publication_on" });

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_passkeys_user_id",
                table: "user_passkeys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_member_organisation_id",
                table: "users",
                column: "member_organisation_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_working_group_action_items_meeting_id",
                table: "working_group_action_items",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_action_items_owner_user_id",
                table: "working_group_action_items",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_action_items_working_group_id_status_due_on",
                table: "working_group_action_items",
                columns: new[] { "working_group_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_working_group_documents_meeting_id",
                table: "working_group_documents",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_documents_outcome_id",
                table: "working_group_documents",
                column: "outcome_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_documents_stored_document_id",
                table: "working_group_documents",
                column: "stored_document_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_working_group_documents_working_group_id",
                table: "working_group_documents",
                column: "working_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_meetings_working_group_id_starts_at",
                table: "working_group_meetings",
                columns: new[] { "working_group_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_working_group_outcomes_criteria_set_id",
                table: "working_group_outcomes",
                column: "criteria_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_outcomes_meeting_id",
                table: "working_group_outcomes",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_outcomes_status_visibility",
                table: "working_group_outcomes",
                columns: new[] { "status", "visibility" });

            migrationBuilder.CreateIndex(
                name: "ix_working_group_outcomes_working_group_id",
                table: "working_group_outcomes",
                column: "working_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_group_participants_user_id",
                table: "working_group_participants",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_working_groups_name",
                table: "working_groups",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_buyer_group_coordinators_buyer_groups_buyer_group_id",
                table: "buyer_group_coordinators",
                column: "buyer_group_id",
                principalTable: "buyer_groups",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_buyer_group_coordinators_users_user_id",
                table: "buyer_group_coordinators",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_buyer_group_documents_buyer_groups_buyer_group_id",
                table: "buyer_group_documents",
                column: "buyer_group_id",
                principalTable: "buyer_groups",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_buyer_group_documents_stored_documents_stored_document_id",
                table: "buyer_group_documents",
                column: "stored_document_id",
                principalTable: "stored_documents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_buyer_group_tiers_buyer_groups_buyer_group_id",
                table: "buyer_group_tiers",
                column: "buyer_group_id",
                principalTable: "buyer_groups",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_buyer_groups_signatories_signatory_id",
                table: "buyer_groups",
                column: "signatory_id",
                principalTable: "signatories",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_discussion_replies_discussion_threads_thread_id",
                table: "discussion_replies",
                column: "thread_id",
                principalTable: "discussion_threads",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_buyer_group_tiers_buyer_groups_buyer_group_id",
                table: "buyer_group_tiers");

            migrationBuilder.DropForeignKey(
                name: "fk_member_organisations_buyer_groups_buyer_group_id",
                table: "member_organisations");

            migrationBuilder.DropForeignKey(
                name: "fk_discussion_replies_users_author_user_id",
                table: "discussion_replies");

            migrationBuilder.DropForeignKey(
                name: "fk_discussion_threads_users_author_user_id",
                table: "discussion_threads");

            migrationBuilder.DropForeignKey(
                name: "fk_discussion_replies_discussion_threads_thread_id",
                table: "discussion_replies");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "buyer_group_coordinators");

            migrationBuilder.DropTable(
                name: "buyer_group_documents");

            migrationBuilder.DropTable(
                name: "consultation_comments");

            migrationBuilder.DropTable(
                name: "criteria_set_release_notes");

            migrationBuilder.DropTable(
                name: "criterion_suggestions");

            migrationBuilder.DropTable(
                name: "criterion_texts");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "event_materials");

            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "good_practice_reviews");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "library_item_versions");

            migrationBuilder.DropTable(
                name: "market_signal_snapshots");

            migrationBuilder.DropTable(
                name: "member_contacts");

            migrationBuilder.DropTable(
                name: "membership_applications");

            migrationBuilder.DropTable(
                name: "notification_preferences");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "product_group_names");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "saved_calculations");

            migrationBuilder.DropTable(
                name: "saved_shortlists");

            migrationBuilder.DropTable(
                name: "self_assessment_answers");

            migrationBuilder.DropTable(
                name: "signatory_status_changes");

            migrationBuilder.DropTable(
                name: "tender_awards");

            migrationBuilder.DropTable(
                name: "tender_interests");

            migrationBuilder.DropTable(
                name: "tender_lots");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_passkeys");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "working_group_action_items");

            migrationBuilder.DropTable(
                name: "working_group_documents");

            migrationBuilder.DropTable(
                name: "working_group_participants");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "criteria");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "good_practice_cases");

            migrationBuilder.DropTable(
                name: "library_items");

            migrationBuilder.DropTable(
                name: "self_assessments");

            migrationBuilder.DropTable(
                name: "tenders");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "working_group_outcomes");

            migrationBuilder.DropTable(
                name: "criteria_sets");

            migrationBuilder.DropTable(
                name: "working_group_meetings");

            migrationBuilder.DropTable(
                name: "product_groups");

            migrationBuilder.DropTable(
                name: "working_groups");

            migrationBuilder.DropTable(
                name: "buyer_groups");

            migrationBuilder.DropTable(
                name: "signatories");

            migrationBuilder.DropTable(
                name: "stored_documents");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "member_organisations");

            migrationBuilder.DropTable(
                name: "buyer_group_tiers");

            migrationBuilder.DropTable(
                name: "discussion_threads");

            migrationBuilder.DropTable(
                name: "discussion_replies");
        }
    }
}
