using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue12Indexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_State",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_UnitId",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_State_Status_SubStatus",
                table: "WorkflowInstances",
                columns: new[] { "CampaignId", "DefinitionId", "State", "Status", "SubStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_State_UpdatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "CampaignId", "DefinitionId", "State", "UpdatedAt", "Id" },
                descending: new[] { false, false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_UpdatedAt_Id",
                table: "WorkflowInstances",
                columns: new[] { "CampaignId", "DefinitionId", "UpdatedAt", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_OwnerUserId",
                table: "WorkflowInstances",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_UnitId_State",
                table: "WorkflowInstances",
                columns: new[] { "UnitId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_State_Status_SubStatus",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_State_UpdatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_UpdatedAt_Id",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_OwnerUserId",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_UnitId_State",
                table: "WorkflowInstances");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_CampaignId_DefinitionId_State",
                table: "WorkflowInstances",
                columns: new[] { "CampaignId", "DefinitionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_UnitId",
                table: "WorkflowInstances",
                column: "UnitId");
        }
    }
}
