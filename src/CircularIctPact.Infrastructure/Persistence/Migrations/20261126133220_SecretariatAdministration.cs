using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SecretariatAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "commitment_document_id",
                table: "signatories",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "archive_reason",
                table: "buyer_groups",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "archived_on",
                table: "buyer_groups",
                type: "date",
                nullable: true);

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
                    table.ForeignKey(
                        name: "fk_buyer_group_documents_buyer_groups_buyer_group_id",
                        column: x => x.buyer_group_id,
                        principalTable: "buyer_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_buyer_group_documents_stored_documents_stored_document_id",
                        column: x => x.stored_document_id,
                        principalTable: "stored_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signatories_commitment_document_id",
                table: "signatories",
                column: "commitment_document_id");

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
                name: "ix_stored_documents_sha256",
                table: "stored_documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_stored_documents_uploaded_by_user_id",
                table: "stored_documents",
                column: "uploaded_by_user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_signatories_stored_documents_commitment_document_id",
                table: "signatories",
                column: "commitment_document_id",
                principalTable: "stored_documents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_signatories_stored_documents_commitment_document_id",
                table: "signatories");

            migrationBuilder.DropTable(
                name: "buyer_group_documents");

            migrationBuilder.DropTable(
                name: "stored_documents");

            migrationBuilder.DropIndex(
                name: "ix_signatories_commitment_document_id",
                table: "signatories");

            migrationBuilder.DropColumn(
                name: "commitment_document_id",
                table: "signatories");

            migrationBuilder.DropColumn(
                name: "archive_reason",
                table: "buyer_groups");

            migrationBuilder.DropColumn(
                name: "archived_on",
                table: "buyer_groups");
        }
    }
}
