using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkingGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "organisation",
                table: "working_group_participants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stakeholder_type",
                table: "working_group_participants",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "MemberOrganisation");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "working_group_action_items");

            migrationBuilder.DropTable(
                name: "working_group_documents");

            migrationBuilder.DropTable(
                name: "working_group_outcomes");

            migrationBuilder.DropTable(
                name: "working_group_meetings");

            migrationBuilder.DropColumn(
                name: "organisation",
                table: "working_group_participants");

            migrationBuilder.DropColumn(
                name: "stakeholder_type",
                table: "working_group_participants");
        }
    }
}
