using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Issue14Eligibility : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
