using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue14Desk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PreliminaryDecisionReasons");

            migrationBuilder.DropTable(
                name: "FailureReasons");

            migrationBuilder.DropTable(
                name: "PreliminaryDecisions");
        }
    }
}
