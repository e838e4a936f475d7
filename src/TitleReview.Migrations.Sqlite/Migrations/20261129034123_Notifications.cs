using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RemindersSent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Lead = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemindersSent", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AccountId_CreatedAt",
                table: "Notifications",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AccountId_ReadAt",
                table: "Notifications",
                columns: new[] { "AccountId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RemindersSent_AccountId_CampaignId_StageKey_Lead",
                table: "RemindersSent",
                columns: new[] { "AccountId", "CampaignId", "StageKey", "Lead" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemindersSent_CampaignId",
                table: "RemindersSent",
                column: "CampaignId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "RemindersSent");
        }
    }
}
