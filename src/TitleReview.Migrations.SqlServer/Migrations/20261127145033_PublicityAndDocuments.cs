using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicityAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityEnd",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicityNote",
                table: "Applications",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublicityOutcome",
                table: "Applications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublicityRecordedAt",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublicityStart",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DossierSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierSnapshots_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GeneratedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    SnapshotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GeneratedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GeneratedDocuments_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GeneratedDocuments_DossierSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "DossierSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DossierSnapshots_ApplicationId_TakenAt",
                table: "DossierSnapshots",
                columns: new[] { "ApplicationId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedDocuments_ApplicationId",
                table: "GeneratedDocuments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedDocuments_Number",
                table: "GeneratedDocuments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedDocuments_SnapshotId",
                table: "GeneratedDocuments",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_GeneratedDocuments_VerificationCode",
                table: "GeneratedDocuments",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GeneratedDocuments");

            migrationBuilder.DropTable(
                name: "DossierSnapshots");

            migrationBuilder.DropColumn(
                name: "PublicityEnd",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PublicityNote",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PublicityOutcome",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PublicityRecordedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "PublicityStart",
                table: "Applications");
        }
    }
}
