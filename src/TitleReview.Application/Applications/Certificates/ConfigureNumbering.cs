using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Campaigns;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>
/// The office sets a level's certificate numbering for the year: prefix + year + level code +
/// the zero-padded sequence of <paramref name="Digits"/> digits from <paramref name="StartNumber"/>.
/// Refused once a number of the level was issued.
/// </summary>
public sealed record ConfigureCertificateNumbering(int Year, TitleLevel Level, string? Prefix, string? LevelCode, int? Digits, int? StartNumber, WorkflowActor Actor);

internal sealed class ConfigureCertificateNumberingHandler(IApplicationDbContext db, ICurrentCampaign campaigns, TimeProvider clock)
    : IHandler<ConfigureCertificateNumbering, string>
{
    private const string Conflict = "该等级的编号规则刚刚已被他人修改或已开始发证，您的修改未保存。请刷新页面后再改。";

    /// <returns>The number the level's first certificate will get.</returns>
    public async Task<string> HandleAsync(ConfigureCertificateNumbering request, CancellationToken cancellationToken = default)
    {
        CertificateCases.RequireOffice(request.Actor);
        var scheme = Check(request);
        var campaign = await CertificateCases.RequireCampaignAsync(campaigns, request.Year, cancellationToken);
        var now = clock.GetUtcNow();
        var numbering = await db.CertificateNumberings.FirstOrDefaultAsync(n => n.CampaignId == campaign.Id && n.Level == request.Level, cancellationToken);
        if (numbering is null)
        {
            numbering = CertificateNumbering.Configure(campaign.Id, campaign.Year, request.Level, scheme, now, request.Actor.Id);
            db.CertificateNumberings.Add(numbering);
        }
        else
        {
            numbering.Change(scheme, now, request.Actor.Id);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            throw new ConcurrencyConflictException(Conflict, ex);
        }

        return numbering.NextNumber;
    }

    private static CertificateNumberingScheme Check(ConfigureCertificateNumbering request)
    {
        var prefix = (request.Prefix ?? string.Empty).Trim();
        var levelCode = (request.LevelCode ?? string.Empty).Trim();
        var validation = new Validation()
            .Require(prefix.Length <= CertificateNumberingScheme.MaxPrefixLength && !prefix.Any(char.IsWhiteSpace), "prefix", $"编号前缀不能超过 {CertificateNumberingScheme.MaxPrefixLength} 个字，且不能含空格。")
            .Require(levelCode.Length is > 0 and <= CertificateNumberingScheme.MaxLevelCodeLength && levelCode.All(char.IsAsciiLetterOrDigit), "levelCode", $"请填写等级代码（1～{CertificateNumberingScheme.MaxLevelCodeLength} 位字母或数字）。")
            .Require(request.Digits is >= CertificateNumberingScheme.MinDigits and <= CertificateNumberingScheme.MaxDigits, "digits", $"序号位数须在 {CertificateNumberingScheme.MinDigits}～{CertificateNumberingScheme.MaxDigits} 之间。");
        var fits = request.Digits is { } digits && request.StartNumber is { } start && start >= 1
            && start.ToString(System.Globalization.CultureInfo.InvariantCulture).Length <= Math.Clamp(digits, CertificateNumberingScheme.MinDigits, CertificateNumberingScheme.MaxDigits);
        validation.Require(fits, "startNumber", "起始序号须为正整数，且位数不超过序号位数。");
        validation.ThrowIfInvalid();
        return new CertificateNumberingScheme(prefix, levelCode, request.Digits!.Value, request.StartNumber!.Value);
    }
}
