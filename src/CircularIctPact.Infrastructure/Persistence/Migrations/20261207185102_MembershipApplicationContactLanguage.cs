using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MembershipApplicationContactLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_language",
                table: "membership_applications",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "en");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "contact_language",
                table: "membership_applications");
        }
    }
}
