using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace CircularIctPact.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContentInSeveralLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "working_groups",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "En");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "working_groups",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "working_group_outcomes",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "En");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "working_group_outcomes",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "library_items",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "good_practice_cases",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "events",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "En");

            migrationBuilder.AddColumn<string>(
                name: "translations",
                table: "events",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "library_items",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(description, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Title', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Description', '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Title', '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Description', '')), 'B') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Title', '')), 'A') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Description', '')), 'B') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Title', '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Description', '')), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(description, '')), 'B')",
                oldStored: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "good_practice_cases",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(results, '') || ' ' || coalesce(impact, '') || ' ' || coalesce(lessons_learned, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Title', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Context', '') || ' ' || coalesce(translations->'En'->>'Approach', '') || ' ' || coalesce(translations->'En'->>'Results', '') || ' ' || coalesce(translations->'En'->>'Impact', '') || ' ' || coalesce(translations->'En'->>'LessonsLearned', '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Title', '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Context', '') || ' ' || coalesce(translations->'Nl'->>'Approach', '') || ' ' || coalesce(translations->'Nl'->>'Results', '') || ' ' || coalesce(translations->'Nl'->>'Impact', '') || ' ' || coalesce(translations->'Nl'->>'LessonsLearned', '')), 'B') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Title', '')), 'A') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Context', '') || ' ' || coalesce(translations->'Fr'->>'Approach', '') || ' ' || coalesce(translations->'Fr'->>'Results', '') || ' ' || coalesce(translations->'Fr'->>'Impact', '') || ' ' || coalesce(translations->'Fr'->>'LessonsLearned', '')), 'B') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Title', '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Context', '') || ' ' || coalesce(translations->'De'->>'Approach', '') || ' ' || coalesce(translations->'De'->>'Results', '') || ' ' || coalesce(translations->'De'->>'Impact', '') || ' ' || coalesce(translations->'De'->>'LessonsLearned', '')), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(results, '') || ' ' || coalesce(impact, '') || ' ' || coalesce(lessons_learned, '')), 'B')",
                oldStored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "language",
                table: "working_groups");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "working_groups");

            migrationBuilder.DropColumn(
                name: "language",
                table: "working_group_outcomes");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "working_group_outcomes");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "library_items");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "good_practice_cases");

            migrationBuilder.DropColumn(
                name: "language",
                table: "events");

            migrationBuilder.DropColumn(
                name: "translations",
                table: "events");

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "library_items",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(description, '')), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(description, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Title', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Description', '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Title', '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Description', '')), 'B') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Title', '')), 'A') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Description', '')), 'B') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Title', '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Description', '')), 'B')",
                oldStored: true);

            migrationBuilder.AlterColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "good_practice_cases",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(results, '') || ' ' || coalesce(impact, '') || ' ' || coalesce(lessons_learned, '')), 'B')",
                stored: true,
                oldClrType: typeof(NpgsqlTsVector),
                oldType: "tsvector",
                oldNullable: true,
                oldComputedColumnSql: "setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(title, '')), 'A') || setweight(to_tsvector((CASE language WHEN 'Nl' THEN 'dutch'::regconfig WHEN 'Fr' THEN 'french'::regconfig WHEN 'De' THEN 'german'::regconfig ELSE 'english'::regconfig END), coalesce(context, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(results, '') || ' ' || coalesce(impact, '') || ' ' || coalesce(lessons_learned, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Title', '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(translations->'En'->>'Context', '') || ' ' || coalesce(translations->'En'->>'Approach', '') || ' ' || coalesce(translations->'En'->>'Results', '') || ' ' || coalesce(translations->'En'->>'Impact', '') || ' ' || coalesce(translations->'En'->>'LessonsLearned', '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Title', '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(translations->'Nl'->>'Context', '') || ' ' || coalesce(translations->'Nl'->>'Approach', '') || ' ' || coalesce(translations->'Nl'->>'Results', '') || ' ' || coalesce(translations->'Nl'->>'Impact', '') || ' ' || coalesce(translations->'Nl'->>'LessonsLearned', '')), 'B') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Title', '')), 'A') || setweight(to_tsvector('french'::regconfig, coalesce(translations->'Fr'->>'Context', '') || ' ' || coalesce(translations->'Fr'->>'Approach', '') || ' ' || coalesce(translations->'Fr'->>'Results', '') || ' ' || coalesce(translations->'Fr'->>'Impact', '') || ' ' || coalesce(translations->'Fr'->>'LessonsLearned', '')), 'B') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Title', '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(translations->'De'->>'Context', '') || ' ' || coalesce(translations->'De'->>'Approach', '') || ' ' || coalesce(translations->'De'->>'Results', '') || ' ' || coalesce(translations->'De'->>'Impact', '') || ' ' || coalesce(translations->'De'->>'LessonsLearned', '')), 'B')",
                oldStored: true);
        }
    }
}
