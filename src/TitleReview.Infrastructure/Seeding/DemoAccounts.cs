using TitleReview.Domain.Identity;
using TitleReview.Domain.Units;

namespace TitleReview.Infrastructure.Seeding;

/// <summary>
/// Invented people and units for trying the system in Development. Listed in the README.
/// Never seeded in any other environment.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo#2026";

    public static readonly DemoUnit QiannanEnergy = new(
        Guid.Parse("6f1c9a52-3b8e-4d0a-9a51-0c2f7e1b5a01"),
        "黔南能源集团有限公司",
        "91522700MA6DQ8K2XF",
        UnitNature.CityOrPrefectureEnterprise,
        "黔南州");

    public static readonly DemoUnit ProvincialTransport = new(
        Guid.Parse("b2d4e8f0-6a1c-4e3b-8d92-5f7a9c3e1b02"),
        "贵州省示范交通投资集团有限公司",
        "91520000MA6H3T7P04",
        UnitNature.ProvincialEnterprise,
        "省直");

    /// <summary>A unit that registers in the current demo campaign but is never approved: its applicant is blocked.</summary>
    public static readonly DemoUnit TongrenMaterials = new(
        Guid.Parse("d3a5c7e9-1b2d-4f60-8a9c-0e1f2a3b4c03"),
        "铜仁示范建材有限公司",
        "91520600MA6E2W5L1N",
        UnitNature.CityOrPrefectureEnterprise,
        "铜仁市");

    public static readonly IReadOnlyList<DemoUnit> Units = [QiannanEnergy, ProvincialTransport, TongrenMaterials];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("office", "陈静", Roles.Office, null, null) { ExtraRoles = [Roles.OfficeAdmin] },
        new("auditor1", "王敏", Roles.Auditor, QiannanEnergy.Id, "13800000101"),
        new("auditor2", "刘洋", Roles.Auditor, ProvincialTransport.Id, "13800000102"),
        new("applicant1", "李华", Roles.Applicant, QiannanEnergy.Id, "13900000201", "522701198803150219"),
        new("applicant2", "张丽", Roles.Applicant, QiannanEnergy.Id, "13900000202", "522701199007221025"),
        new("applicant3", "赵强", Roles.Applicant, ProvincialTransport.Id, "13900000203", "520103198509102011"),
        new("applicant4", "周婷", Roles.Applicant, ProvincialTransport.Id, "13900000204", "52010319920418302X"),
        new("applicant5", "吴磊", Roles.Applicant, TongrenMaterials.Id, "13900000205", "520602198706051015"),
        new("expert1", "孙文博", Roles.Expert, null, "13700000301"),
        new("expert2", "何静怡", Roles.Expert, null, "13700000302"),
        new("expert3", "马志远", Roles.Expert, null, "13700000303"),
        new("expert4", "罗建国", Roles.Expert, null, "13700000304"),
        new("expert5", "杨晓梅", Roles.Expert, null, "13700000305"),
        new("expert6", "邓海峰", Roles.Expert, null, "13700000306"),
        new("inspector1", "林正清", Roles.Inspector, null, "13700000401"),
    ];

    public sealed record DemoUnit(Guid Id, string Name, string CreditCode, UnitNature Nature, string Region);

    /// <summary>Mobile and ID numbers are invented (valid check characters, nobody's), as is everything here.</summary>
    public sealed record DemoUser(string UserName, string DisplayName, string Role, Guid? UnitId, string? Mobile, string? IdNumber = null)
    {
        public IReadOnlyList<string> ExtraRoles { get; init; } = [];

        public IReadOnlyList<string> AllRoles => [Role, .. ExtraRoles];
    }
}
