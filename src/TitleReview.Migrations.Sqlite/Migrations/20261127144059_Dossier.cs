using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CurrentPost",
                table: "Applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentTitle",
                table: "Applications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CurrentTitleDate",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EvaluationType",
                table: "Applications",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "FromCivilService",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CampaignLevelRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HoursPerYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EducationYears = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredWordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredPapers = table.Column<int>(type: "INTEGER", nullable: false),
                    MinYearsInCurrentTitle = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignLevelRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignLevelRules_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SlotKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SafeName = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierAttachments_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AwardLevel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Isbn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Hours = table.Column<int>(type: "INTEGER", nullable: true),
                    ProfessionalHours = table.Column<int>(type: "INTEGER", nullable: true),
                    Journal = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IssnCn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AuthorRank = table.Column<int>(type: "INTEGER", nullable: true),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Post = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MaterialKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    WordCount = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierItems_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DossierVerifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierVerifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierVerifications_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SectionReturns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReturnedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SectionReturns_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignLevelRules_CampaignId_Level",
                table: "CampaignLevelRules",
                columns: new[] { "CampaignId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierAttachments_ApplicationId_SlotKey",
                table: "DossierAttachments",
                columns: new[] { "ApplicationId", "SlotKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DossierAttachments_Sha256",
                table: "DossierAttachments",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_DossierItems_ApplicationId",
                table: "DossierItems",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_DossierVerifications_ApplicationId_ItemKey",
                table: "DossierVerifications",
                columns: new[] { "ApplicationId", "ItemKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SectionReturns_ApplicationId_Round",
                table: "SectionReturns",
                columns: new[] { "ApplicationId", "Round" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignLevelRules");

            migrationBuilder.DropTable(
                name: "DossierAttachments");

            migrationBuilder.DropTable(
                name: "DossierItems");

            migrationBuilder.DropTable(
                name: "DossierVerifications");

            migrationBuilder.DropTable(
                name: "SectionReturns");

            migrationBuilder.DropColumn(
                name: "CurrentPost",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "CurrentTitle",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "CurrentTitleDate",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EvaluationType",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FromCivilService",
                table: "Applications");
        }
    }
}
