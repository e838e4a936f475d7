using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Draw : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpotCheckDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    UnitsMode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    UnitsValue = table.Column<int>(type: "int", nullable: false),
                    PersonsPerUnit = table.Column<int>(type: "int", nullable: true),
                    AcrossMode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AcrossValue = table.Column<int>(type: "int", nullable: false),
                    AcrossPerLevel = table.Column<bool>(type: "bit", nullable: false),
                    OriginalsDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Seed = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Commitment = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DrawAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublicValueSource = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CandidatesDigest = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CommittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublicValue = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckDraws_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckCandidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MaskedName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UnitNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Choice = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DrawId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckCandidates_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckCandidates_SpotCheckDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "SpotCheckDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DrawId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckSteps_SpotCheckDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "SpotCheckDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckCandidates_ApplicationId",
                table: "SpotCheckCandidates",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckCandidates_DrawId_Number",
                table: "SpotCheckCandidates",
                columns: new[] { "DrawId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckDraws_CampaignId",
                table: "SpotCheckDraws",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckSteps_DrawId",
                table: "SpotCheckSteps",
                column: "DrawId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpotCheckCandidates");

            migrationBuilder.DropTable(
                name: "SpotCheckSteps");

            migrationBuilder.DropTable(
                name: "SpotCheckDraws");
        }
    }
}
