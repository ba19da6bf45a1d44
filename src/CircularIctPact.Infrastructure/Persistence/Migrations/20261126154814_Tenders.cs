using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Tenders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "market_signal_snapshots");

            migrationBuilder.DropTable(
                name: "tender_awards");

            migrationBuilder.DropTable(
                name: "tender_interests");

            migrationBuilder.DropTable(
                name: "tender_lots");

            migrationBuilder.DropTable(
                name: "tenders");
        }
    }
}
