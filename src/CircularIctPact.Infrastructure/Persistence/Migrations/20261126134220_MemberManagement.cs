using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MemberManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_legal_name",
                table: "member_organisations");

            migrationBuilder.AddColumn<string>(
                name: "legal_name_key",
                table: "member_organisations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "website_host",
                table: "member_organisations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            // Members saved before this migration get their duplicate-check keys, as the domain computes them.
            migrationBuilder.Sql(
                """
                UPDATE member_organisations
                SET legal_name_key = lower(regexp_replace(btrim(legal_name), '\s+', ' ', 'g')),
                    website_host = nullif(regexp_replace(lower(substring(website from '^[A-Za-z]+://([^/:?#]+)')), '^www\.', ''), '');
                """);

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
                name: "ix_member_organisations_buyer_group_id_tier_id",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "tier_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_website_host",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "website_host" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_contacts_email",
                table: "member_contacts",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_member_contacts_member_organisation_id",
                table: "member_contacts",
                column: "member_organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_contacts");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_country_code",
                table: "member_organisations");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_joined_on",
                table: "member_organisations");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_legal_name",
                table: "member_organisations");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_legal_name_key",
                table: "member_organisations");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_sector",
                table: "member_organisations");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_tier_id",
                table: "member_organisations");

            migrationBuilder.DropIndex(
                name: "ix_member_organisations_buyer_group_id_website_host",
                table: "member_organisations");

            migrationBuilder.DropColumn(
                name: "legal_name_key",
                table: "member_organisations");

            migrationBuilder.DropColumn(
                name: "website_host",
                table: "member_organisations");

            migrationBuilder.CreateIndex(
                name: "ix_member_organisations_buyer_group_id_legal_name",
                table: "member_organisations",
                columns: new[] { "buyer_group_id", "legal_name" },
                unique: true);
        }
    }
}
