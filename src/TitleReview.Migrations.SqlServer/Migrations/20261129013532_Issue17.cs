using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue17 : Migration
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

            migrationBuilder.CreateTable(
                name: "CertificateCollections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CollectorName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    CollectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MaterialsReturned = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Certificates = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateCollections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateCollections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificateNumberings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Prefix = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LevelCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Digits = table.Column<int>(type: "int", nullable: false),
                    StartNumber = table.Column<int>(type: "int", nullable: false),
                    NextSequence = table.Column<int>(type: "int", nullable: false),
                    Issued = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateNumberings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateNumberings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificatePrintLayouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SheetWidthMm = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    SheetHeightMm = table.Column<decimal>(type: "decimal(6,1)", precision: 6, scale: 1, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Positions = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificatePrintLayouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificatePrintLayouts_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ValidApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Number = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IssuedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ApplicantName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleName = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CommitteeName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RevokedReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RevokedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CollectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_CertificateCollections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "CertificateCollections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateCollections_CampaignId_UnitId",
                table: "CertificateCollections",
                columns: new[] { "CampaignId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateNumberings_CampaignId_Level",
                table: "CertificateNumberings",
                columns: new[] { "CampaignId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificatePrintLayouts_CampaignId",
                table: "CertificatePrintLayouts",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ApplicationId",
                table: "Certificates",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CampaignId_Level_Sequence",
                table: "Certificates",
                columns: new[] { "CampaignId", "Level", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CampaignId_UnitId",
                table: "Certificates",
                columns: new[] { "CampaignId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CollectionId",
                table: "Certificates",
                column: "CollectionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ValidApplicationId",
                table: "Certificates",
                column: "ValidApplicationId",
                unique: true,
                filter: "[ValidApplicationId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationCode",
                table: "Certificates",
                column: "VerificationCode",
                unique: true);

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

            // Cases opened before evidence existed read as having none, not as a missing list.
            migrationBuilder.Sql("UPDATE IntegrityCases SET Evidence = '[]' WHERE Evidence IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateNumberings");

            migrationBuilder.DropTable(
                name: "CertificatePrintLayouts");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "IntegrityRecordEntries");

            migrationBuilder.DropTable(
                name: "NegativeListEntries");

            migrationBuilder.DropTable(
                name: "CertificateCollections");

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
