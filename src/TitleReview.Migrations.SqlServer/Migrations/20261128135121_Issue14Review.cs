using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
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
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfessionalShareDenominator",
                table: "CampaignLevelRules",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfessionalShareNumerator",
                table: "CampaignLevelRules",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SkippingAllowed",
                table: "CampaignLevelRules",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentTitleLevel",
                table: "Applications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EducationDegree",
                table: "Applications",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EducationSchool",
                table: "Applications",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GraduationYear",
                table: "Applications",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FailureReasons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailureReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PreliminaryDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ChangeReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    DecidedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    Objection = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Handling = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Round = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Decision = table.Column<int>(type: "int", nullable: true),
                    DecisionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReasonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SupplementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OriginalName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SafeName = table.Column<string>(type: "nvarchar(220)", maxLength: 220, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
