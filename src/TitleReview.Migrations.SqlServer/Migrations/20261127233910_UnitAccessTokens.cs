using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TitleReview.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UnitAccessTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccessTokenHash",
                table: "UnitRegistrations",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "FillerEmail",
                table: "UnitRegistrations",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            // Registrations made before access tokens get a random hash nobody holds a token for:
            // the office reissues a token to the filler when a unit asks.
            migrationBuilder.Sql("UPDATE [UnitRegistrations] SET [AccessTokenHash] = LOWER(CONVERT(varchar(64), HASHBYTES('SHA2_256', CONVERT(varchar(36), NEWID())), 2));");

            migrationBuilder.CreateIndex(
                name: "IX_UnitRegistrations_AccessTokenHash",
                table: "UnitRegistrations",
                column: "AccessTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnitRegistrations_AccessTokenHash",
                table: "UnitRegistrations");

            migrationBuilder.DropColumn(
                name: "AccessTokenHash",
                table: "UnitRegistrations");

            migrationBuilder.DropColumn(
                name: "FillerEmail",
                table: "UnitRegistrations");
        }
    }
}
