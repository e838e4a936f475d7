using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue17IntegrityCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BannedUntil",
                table: "IntegrityCases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyToken",
                table: "IntegrityCases",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAt",
                table: "IntegrityCases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "IntegrityCases",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedByName",
                table: "IntegrityCases",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionReasons",
                table: "IntegrityCases",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "IntegrityCases",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "IntegrityCases",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RecordsFinding",
                table: "IntegrityCases",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RevokedCertificateNumber",
                table: "IntegrityCases",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            // Cases opened before evidence existed read as having none, not as a missing list.
            migrationBuilder.Sql("UPDATE IntegrityCases SET Evidence = '[]' WHERE Evidence IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BannedUntil",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "ConcurrencyToken",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "DecidedByName",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "DecisionReasons",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "RecordsFinding",
                table: "IntegrityCases");

            migrationBuilder.DropColumn(
                name: "RevokedCertificateNumber",
                table: "IntegrityCases");
        }
    }
}
