using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Applications.SpotChecks;

/// <summary>
/// The office defines (or, until the commitment, changes) the year's draw: units by count or
/// percentage, all persons or <paramref name="PersonsPerUnit"/> within each chosen unit, persons
/// across the other candidates (per level if asked), and the date the originals are due.
/// </summary>
public sealed record DefineSpotCheck(
    int Year,
    DrawMode UnitsMode,
    int? UnitsValue,
    int? PersonsPerUnit,
    DrawMode AcrossMode,
    int? AcrossValue,
    bool AcrossPerLevel,
    DateOnly? OriginalsDueOn,
    WorkflowActor Actor);

internal sealed class DefineSpotCheckHandler(IApplicationDbContext db, TimeProvider clock) : IHandler<DefineSpotCheck, Guid>
{
    public async Task<Guid> HandleAsync(DefineSpotCheck request, CancellationToken cancellationToken = default)
    {
        SpotCheckAccess.RequireOffice(request.Actor);
        var now = clock.GetUtcNow();
        var v = new Validation();
        var units = Amount(v, request.UnitsMode, request.UnitsValue, "unitsValue", "抽取单位");
        var across = Amount(v, request.AcrossMode, request.AcrossValue, "acrossValue", "抽取人员");
        SpotCheckAccess.Require(v, new PersonsPerUnitIsSensibleRule(request.PersonsPerUnit), "personsPerUnit");
        if (request.OriginalsDueOn is not { } dueOn)
        {
            v.Add("originalsDueOn", "请选择原件报送截止日期。");
            dueOn = default;
        }
        else
        {
            SpotCheckAccess.Require(v, new OriginalsDueNotInThePastRule(dueOn, now), "originalsDueOn");
        }

        var rules = new SpotCheckRules(units, request.PersonsPerUnit, across, request.AcrossPerLevel && across.Mode != DrawMode.None, dueOn);
        if (v.IsValid)
        {
            SpotCheckAccess.Require(v, new SpotCheckChoosesSomeoneRule(rules), "unitsMode");
        }

        v.ThrowIfInvalid();

        var campaign = await SpotCheckAccess.CampaignAsync(db, request.Year, cancellationToken);
        var window = SpotCheckAccess.WindowOf(campaign);
        var draw = await db.SpotCheckDraws.FirstOrDefaultAsync(d => d.CampaignId == campaign.Id, cancellationToken);
        if (draw is null)
        {
            draw = SpotCheckDraw.Define(campaign.Id, rules, window, now, SpotCheckAccess.ActorOf(request.Actor));
            db.SpotCheckDraws.Add(draw);
        }
        else
        {
            draw.Change(rules, window, now, SpotCheckAccess.ActorOf(request.Actor));
        }

        await db.SaveChangesAsync(cancellationToken);
        return draw.Id;
    }

    private static DrawAmount Amount(Validation v, DrawMode mode, int? value, string field, string what)
    {
        if (!Enum.IsDefined(mode))
        {
            v.Add(field, $"请选择{what}的方式。");
            return DrawAmount.Nothing;
        }

        if (mode == DrawMode.None)
        {
            return DrawAmount.Nothing;
        }

        var amount = new DrawAmount(mode, value ?? 0);
        SpotCheckAccess.Require(v, new DrawAmountIsSensibleRule(amount, what), field);
        return amount;
    }
}
