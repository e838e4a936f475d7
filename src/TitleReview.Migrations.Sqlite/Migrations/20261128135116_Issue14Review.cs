using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue14Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FirstEvaluationOpen",
                table: "CampaignLevelRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfessionalShareDenominator",
                table: "CampaignLevelRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfessionalShareNumerator",
                table: "CampaignLevelRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SkippingAllowed",
                table: "CampaignLevelRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentTitleLevel",
                table: "Applications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EducationDegree",
                table: "Applications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EducationSchool",
                table: "Applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GraduationYear",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FailureReasons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailureReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PreliminaryDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ChangeReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreliminaryDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreliminaryDecisions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PreliminaryDecisions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicityFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Objection = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Handling = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicityFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicityFeedback_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supplements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supplements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supplements_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PreliminaryDecisionReasons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReasonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreliminaryDecisionReasons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PreliminaryDecisionReasons_FailureReasons_ReasonId",
                        column: x => x.ReasonId,
                        principalTable: "FailureReasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PreliminaryDecisionReasons_PreliminaryDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "PreliminaryDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupplementFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SafeName = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplementFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplementFiles_Supplements_SupplementId",
                        column: x => x.SupplementId,
                        principalTable: "Supplements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FailureReasons_Order",
                table: "FailureReasons",
                column: "Order");

            migrationBuilder.CreateIndex(
                name: "IX_FailureReasons_Text",
                table: "FailureReasons",
                column: "Text",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreliminaryDecisionReasons_DecisionId",
                table: "PreliminaryDecisionReasons",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_PreliminaryDecisionReasons_ReasonId",
                table: "PreliminaryDecisionReasons",
                column: "ReasonId");

            migrationBuilder.CreateIndex(
                name: "IX_PreliminaryDecisions_ApplicationId_DecidedAt",
                table: "PreliminaryDecisions",
                columns: new[] { "ApplicationId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PreliminaryDecisions_CampaignId_SupersededAt",
                table: "PreliminaryDecisions",
                columns: new[] { "CampaignId", "SupersededAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicityFeedback_ApplicationId",
                table: "PublicityFeedback",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicityFeedback_CampaignId_UnitId",
                table: "PublicityFeedback",
                columns: new[] { "CampaignId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplementFiles_SupplementId",
                table: "SupplementFiles",
                column: "SupplementId");

            migrationBuilder.CreateIndex(
                name: "IX_Supplements_ApplicationId_Round",
                table: "Supplements",
                columns: new[] { "ApplicationId", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreliminaryDecisionReasons");

            migrationBuilder.DropTable(
                name: "PublicityFeedback");

            migrationBuilder.DropTable(
                name: "SupplementFiles");

            migrationBuilder.DropTable(
                name: "FailureReasons");

            migrationBuilder.DropTable(
                name: "PreliminaryDecisions");

            migrationBuilder.DropTable(
                name: "Supplements");

            migrationBuilder.DropColumn(
                name: "FirstEvaluationOpen",
                table: "CampaignLevelRules");

            migrationBuilder.DropColumn(
                name: "ProfessionalShareDenominator",
                table: "CampaignLevelRules");

            migrationBuilder.DropColumn(
                name: "ProfessionalShareNumerator",
                table: "CampaignLevelRules");

            migrationBuilder.DropColumn(
                name: "SkippingAllowed",
                table: "CampaignLevelRules");

            migrationBuilder.DropColumn(
                name: "CurrentTitleLevel",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EducationDegree",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "EducationSchool",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "GraduationYear",
                table: "Applications");
        }
    }
}
