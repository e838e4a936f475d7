using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Units;
using TitleReview.Domain.Applications.Documents;
using TitleReview.Domain.Applications.Intake;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.Intake;

/// <summary>
/// The scanner at the counter: the code printed (and as a QR code) on an envelope label, typed
/// by the scanner with Enter, finds the person whose envelope it is within the unit's delivery.
/// A code of another unit or campaign, of another paper, or no paper at all, is refused with why.
/// </summary>
public sealed record FindEnvelope(int Year, Guid UnitId, string? Code, WorkflowActor Actor);

internal sealed class FindEnvelopeHandler(IApplicationDbContext db, IUnitDirectory units) : IHandler<FindEnvelope, Guid>
{
    public async Task<Guid> HandleAsync(FindEnvelope request, CancellationToken cancellationToken = default)
    {
        OfficeReaders.Require(request.Actor);
        var code = GeneratedDocument.NormalizeCode(request.Code);
        if (code.Length == 0)
        {
            throw new ValidationException("code", "请扫描档案袋标签上的二维码，或输入标签上的校验码。");
        }

        var found = code.Length == GeneratedDocument.CodeLength
            ? await (
                    from document in db.GeneratedDocuments.AsNoTracking()
                    join application in db.TitleApplications.AsNoTracking() on document.ApplicationId equals application.Id
                    join campaign in db.Campaigns.AsNoTracking() on application.CampaignId equals campaign.Id
                    where document.VerificationCode == code
                    select new { document.Kind, document.SupersededAt, application.Id, application.ApplicantName, application.CampaignId, campaign.Year, application.UnitId })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (found is null)
        {
            throw new ValidationException("code", $"未找到校验码为“{code}”的档案袋标签，请核对后重新扫描或输入。");
        }

        if (found.Kind != DocumentKind.EnvelopeLabel)
        {
            throw new ValidationException("code", $"“{code}”是{found.ApplicantName}的《{DocumentKinds.DisplayName(found.Kind)}》的校验码，不是档案袋标签，请扫描档案袋上的标签。");
        }

        var campaignId = await db.Campaigns.AsNoTracking().Where(c => c.Year == request.Year).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var unit = await units.FindAsync(found.UnitId, cancellationToken);
        var belongs = new EnvelopeBelongsToTheDeliveryRule(
            new ExpectedEnvelope(found.Id, found.ApplicantName, found.CampaignId, found.Year, found.UnitId, unit?.Name ?? "其他单位"), campaignId, request.UnitId);
        if (belongs.IsBroken())
        {
            throw new ValidationException("code", belongs.Message);
        }

        if (found.SupersededAt is not null)
        {
            throw new ValidationException("code", $"该档案袋标签（{found.ApplicantName}）已作废：材料重新审核通过后已生成新标签，请单位打印新标签贴在档案袋上。");
        }

        return found.Id;
    }
}
