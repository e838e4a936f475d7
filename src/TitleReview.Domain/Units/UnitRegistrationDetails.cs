namespace TitleReview.Domain.Units;

/// <summary>The fields of the notice's 申报单位及单位审核人基本情况表, as entered.</summary>
public sealed record UnitRegistrationDetails(
    string UnitName,
    string CreditCode,
    UnitNature Nature,
    string Region,
    string SupervisingDepartment,
    string AuditorName,
    string AuditorMobile,
    string? AuditorLandline,
    string? AuditorQq,
    string? AuditorEmail,
    string FillerName,
    string FillerPhone,
    string? FillerEmail = null);
