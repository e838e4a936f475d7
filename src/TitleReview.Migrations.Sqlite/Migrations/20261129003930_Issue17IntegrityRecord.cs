using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BannedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityRecordEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NegativeListEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CorrectiveAction = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EndedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ListedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ListedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ListedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
