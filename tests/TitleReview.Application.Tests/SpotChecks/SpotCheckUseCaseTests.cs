using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.SpotChecks;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Workflows;
using TitleReview.Domain.Applications.SpotChecks;
using TitleReview.Domain.Common;
using TitleReview.Domain.Workflows;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.SpotChecks;

/// <summary>The office's draw through its use cases: define, commit, draw; what is public when; what the chosen hear.</summary>
public class SpotCheckUseCaseTests : SpotCheckTestBase
{
    [SetUp]
    public void InTheSpotCheck() => Clock.SetUtcNow(DefinedAt);

    [Test]
    public async Task Draw_OfBothUnits_MovesTheChosenIntoTheSpotCheck_WithTheDueDate_AndNotifiesTheirUnitsAuditors()
    {
        var instances = await CandidatesInUnitsAsync(2, 2);
        await DefineAsync(DrawMode.Count, 2, null, DrawMode.None, null, false);
        Clock.SetUtcNow(CommittedAt);
        await CommitAsync();
        Clock.SetUtcNow(DrawAt);

        var drawn = await DrawAsync("581");

        (drawn.Units, drawn.Persons).Should().Be((2, 4));
        var definitions = Services.GetRequiredService<IWorkflowDefinitions>();
        foreach (var id in instances)
        {
            definitions.Has(await InstanceAsync(id), StateCapabilities.SpotCheckSelected).Should().BeTrue();
            (await JournalAsync(id)).Last().Reason.Should().Be("抽中抽查复核：请于2023年10月30日前以单位名义将全部申报材料原件报送省政工职评办复核。");
        }

        foreach (var mobile in new[] { "13800000101", "13800000102" })
        {
            var message = await LastMessageToAsync(mobile);
            message.Purpose.Should().Be("抽查复核");
            message.Body.Should().Contain("有 2 名申报人被抽中").And.Contain("2023年10月30日前").And.Contain($"/SpotCheck/{drawn.DrawId}");
            message.Body.Should().NotMatchRegex(@"\d{17}[\dXx]", "no personal number leaves by SMS or e-mail");
        }
    }

    [Test]
    public async Task Commitment_BeforeTheDraw_IsPublicWithoutTheSeed_AndTheSeedIsRevealedOnlyByTheDraw()
    {
        await CandidatesInUnitsAsync(2, 3);
        await DefineAsync(DrawMode.Percent, 10, null, DrawMode.None, null, false);
        Clock.SetUtcNow(CommittedAt);
        var committed = await CommitAsync();
        var seed = (await StoredDrawAsync()).Seed!;

        var before = await PublicViewAsync(committed.DrawId, seed, "581");
        var office = await OfficeViewAsync();
        var inputs = () => InputsAsync(committed.DrawId);

        before.Draw.Commitment.Should().Be(SpotCheckAlgorithm.Sha256Hex(seed));
        before.Draw.PublicValueSource.Should().Be(Source);
        before.Draw.Candidates.Should().HaveCount(6).And.OnlyContain(c => c.MaskedName.EndsWith('*'));
        (before.Draw.Seed, before.Draw.PublicValue, before.Verification).Should().Be((null, null, null));
        office.Draw!.Seed.Should().BeNull();
        office.Journal.Should().NotContain(r => r.Text.Contains(seed, StringComparison.Ordinal));
        await inputs.Should().ThrowAsync<NotFoundException>();

        Clock.SetUtcNow(DrawAt.AddMinutes(3));
        await DrawAsync("581");

        var after = await PublicViewAsync(committed.DrawId);
        (after.Draw.Seed, after.Draw.PublicValue).Should().Be((seed, "581"));
        after.Draw.ChosenUnits.Should().ContainSingle();
        (await InputsAsync(committed.DrawId)).Seed.Should().Be(seed);
        var name = (await ActorAsync("office")).Name;
        (await OfficeViewAsync()).Journal.Select(r => (r.Kind, r.ActorName)).Should().Equal(
            (SpotCheckStepKind.Defined, name), (SpotCheckStepKind.Committed, name), (SpotCheckStepKind.Drawn, name));
    }

    [Test]
    public async Task Define_AfterTheCommitment_IsRefused_AndTheCandidatesStayFrozen()
    {
        await CandidatesInUnitsAsync(2, 2);
        await DefineAsync(DrawMode.Count, 1, null, DrawMode.None, null, false);
        await DefineAsync(DrawMode.Count, 1, 1, DrawMode.None, null, false);
        Clock.SetUtcNow(CommittedAt);
        await CommitAsync();
        await CandidatesInUnitsAsync(2, 1);

        var change = () => DefineAsync(DrawMode.Count, 2, null, DrawMode.None, null, false);
        var commitAgain = () => CommitAsync(DrawAt.AddHours(1));

        (await change.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<SpotCheckFrozenAfterCommitmentRule>();
        (await commitAgain.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<SpotCheckFrozenAfterCommitmentRule>();
        var stored = await StoredDrawAsync();
        (stored.Candidates.Count, stored.Rules.Units.Value, stored.Rules.PersonsPerUnit, stored.DrawAt).Should().Be((4, 1, 1, DrawAt));
        (await OfficeViewAsync()).Journal.Select(r => r.Kind).Should().Equal(SpotCheckStepKind.Defined, SpotCheckStepKind.Changed, SpotCheckStepKind.Committed);
    }

    [Test]
    public async Task Define_WithBadInput_NamesEachField_AndSavesNothing()
    {
        var act = () => DefineAsync(DrawMode.Count, 0, 0, DrawMode.Percent, 120, false, new DateOnly(2023, 10, 20));

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;

        errors.Keys.Should().BeEquivalentTo("unitsValue", "personsPerUnit", "acrossValue", "originalsDueOn");
        errors["acrossValue"].Should().Equal("抽取人员的比例须为 1 至 100 之间的整数。");
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SpotCheckDraws.CountAsync())).Should().Be(0);
    }

    [Test]
    public async Task Commit_WithADrawTimeAfterTheSpotCheck_OrWithoutASource_IsRefusedOnItsFields_AndFreezesNothing()
    {
        await CandidatesInUnitsAsync(2, 2);
        await DefineAsync(DrawMode.Count, 1, null, DrawMode.None, null, false);

        var act = () => CommitAsync(Beijing(2023, 11, 2, 10, 0, 0), " ");

        var errors = (await act.Should().ThrowAsync<ValidationException>()).Which.Errors;
        errors.Keys.Should().BeEquivalentTo("drawAt", "publicValueSource");
        var stored = await StoredDrawAsync();
        (stored.Status, stored.Commitment, stored.Candidates.Count).Should().Be((SpotCheckDrawStatus.Defined, null, 0));
    }

    [Test]
    public async Task Draw_BeforeTheAnnouncedTime_IsRefused_AndChangesNothing()
    {
        var instances = await CandidatesInUnitsAsync(2, 2);
        await DefineAsync(DrawMode.Count, 1, null, DrawMode.None, null, false);
        Clock.SetUtcNow(CommittedAt);
        await CommitAsync();
        Clock.SetUtcNow(DrawAt.AddSeconds(-1));

        var early = () => DrawAsync("581");

        (await early.Should().ThrowAsync<BusinessRuleViolationException>()).Which.BrokenRule.Should().BeOfType<SpotCheckDrawNotBeforeScheduleRule>();
        (await StoredDrawAsync()).Status.Should().Be(SpotCheckDrawStatus.Committed);
        (await JournalAsync(instances[0])).Should().BeEmpty();
    }
}
