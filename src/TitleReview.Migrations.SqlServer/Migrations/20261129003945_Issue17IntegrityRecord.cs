using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue17IntegrityRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrityRecordEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IdNumber = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    PersonName = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Finding = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    BannedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityRecordEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NegativeListEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CorrectiveAction = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EndedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ListedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ListedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ListedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegativeListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegativeListEntries_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityRecordEntries_CaseId",
                table: "IntegrityRecordEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityRecordEntries_IdNumber_BannedUntil",
                table: "IntegrityRecordEntries",
                columns: new[] { "IdNumber", "BannedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityRecordEntries_PersonName",
                table: "IntegrityRecordEntries",
                column: "PersonName");

            migrationBuilder.CreateIndex(
                name: "IX_NegativeListEntries_PublishedUntil",
                table: "NegativeListEntries",
                column: "PublishedUntil");

            migrationBuilder.CreateIndex(
                name: "IX_NegativeListEntries_UnitId_LastDay",
                table: "NegativeListEntries",
                columns: new[] { "UnitId", "LastDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityRecordEntries");

            migrationBuilder.DropTable(
                name: "NegativeListEntries");
        }
    }
}
