using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CriteriaLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_product_group_names_product_group_id",
                table: "product_group_names",
                column: "product_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_product_groups_slug",
                table: "product_groups",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_shortlists_owner_user_id_name",
                table: "saved_shortlists",
                columns: new[] { "owner_user_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "criteria_set_release_notes");

            migrationBuilder.DropTable(
                name: "criterion_suggestions");

            migrationBuilder.DropTable(
                name: "criterion_texts");

            migrationBuilder.DropTable(
                name: "product_group_names");

            migrationBuilder.DropTable(
                name: "saved_shortlists");

            migrationBuilder.DropTable(
                name: "criteria");

            migrationBuilder.DropTable(
                name: "criteria_sets");

            migrationBuilder.DropTable(
                name: "product_groups");
        }
    }
}
