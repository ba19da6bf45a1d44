using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Knowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "good_practice_reviews");

            migrationBuilder.DropTable(
                name: "library_item_versions");

            migrationBuilder.DropTable(
                name: "good_practice_cases");

            migrationBuilder.DropTable(
                name: "library_items");
        }
    }
}
