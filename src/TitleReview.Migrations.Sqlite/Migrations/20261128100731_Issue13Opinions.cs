using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue13Opinions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DepartmentOpinion",
                table: "Applications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpinionDepartment",
                table: "Applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OpinionsRecordedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpinionsRecordedBy",
                table: "Applications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitOpinion",
                table: "Applications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DepartmentOpinion",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "OpinionDepartment",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "OpinionsRecordedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "OpinionsRecordedBy",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "UnitOpinion",
                table: "Applications");
        }
    }
}
