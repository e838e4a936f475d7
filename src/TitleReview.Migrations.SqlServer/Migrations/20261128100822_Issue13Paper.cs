using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue13Paper : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OpenedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LastCheckInAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperDeliveries_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperDeliveries_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperDeliveryExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Until = table.Column<DateTime>(type: "datetime2", nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    GrantedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    GrantedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperDeliveryExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperDeliveryExceptions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperDeliveryExceptions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryReceipts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Expected = table.Column<int>(type: "int", nullable: false),
                    Received = table.Column<int>(type: "int", nullable: false),
                    Incomplete = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryReceipts_PaperDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "PaperDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnvelopeCheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CheckedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CheckedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Corrections = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnvelopeCheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnvelopeCheckIns_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnvelopeCheckIns_PaperDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "PaperDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnvelopeCheckInItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CheckInId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnvelopeCheckInItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnvelopeCheckInItems_EnvelopeCheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "EnvelopeCheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReceipts_DeliveryId_IssuedAt",
                table: "DeliveryReceipts",
                columns: new[] { "DeliveryId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReceipts_Number",
                table: "DeliveryReceipts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryReceipts_VerificationCode",
                table: "DeliveryReceipts",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnvelopeCheckInItems_CheckInId",
                table: "EnvelopeCheckInItems",
                column: "CheckInId");

            migrationBuilder.CreateIndex(
                name: "IX_EnvelopeCheckIns_ApplicationId",
                table: "EnvelopeCheckIns",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnvelopeCheckIns_DeliveryId",
                table: "EnvelopeCheckIns",
                column: "DeliveryId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperDeliveries_CampaignId_UnitId",
                table: "PaperDeliveries",
                columns: new[] { "CampaignId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperDeliveries_UnitId",
                table: "PaperDeliveries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperDeliveryExceptions_CampaignId_UnitId_Until",
                table: "PaperDeliveryExceptions",
                columns: new[] { "CampaignId", "UnitId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperDeliveryExceptions_UnitId",
                table: "PaperDeliveryExceptions",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliveryReceipts");

            migrationBuilder.DropTable(
                name: "EnvelopeCheckInItems");

            migrationBuilder.DropTable(
                name: "PaperDeliveryExceptions");

            migrationBuilder.DropTable(
                name: "EnvelopeCheckIns");

            migrationBuilder.DropTable(
                name: "PaperDeliveries");
        }
    }
}
