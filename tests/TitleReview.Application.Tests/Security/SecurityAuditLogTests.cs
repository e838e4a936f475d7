using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Common.Models;
using TitleReview.Application.Security.GetAuditLog;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Application.Tests.Security;

public class SecurityAuditLogTests : ApplicationTestBase
{
    [Test]
    public async Task Record_WritesEntryAtTheClocksInstant()
    {
        var id = await RecordAsync(new SecurityEvent("applicant1", "u1", AuditAction.LoginSucceeded, true, "192.0.2.10"));

        var entry = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.SingleAsync(e => e.Id == id));
        entry.OccurredAt.Should().Be(StartInstant);
        entry.Actor.Should().Be("applicant1");
        entry.RemoteAddress.Should().Be("192.0.2.10");
        entry.Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task GetAuditLog_FiltersByActorAndAction_NewestFirst()
    {
        await RecordAsync(new SecurityEvent("applicant1", null, AuditAction.LoginFailed, false, null));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(new SecurityEvent("applicant1", null, AuditAction.LoginSucceeded, true, null));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(new SecurityEvent("office", null, AuditAction.LoginFailed, false, null));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RecordAsync(new SecurityEvent("applicant1", null, AuditAction.LoginFailed, false, null));

        var result = await QueryAsync(new GetAuditLogQuery(Actor: "applicant", Action: AuditAction.LoginFailed));

        result.TotalCount.Should().Be(2);
        result.Items.Should().OnlyContain(e => e.Actor == "applicant1" && e.Action == AuditAction.LoginFailed);
        result.Items[0].OccurredAt.Should().BeAfter(result.Items[1].OccurredAt);
    }

    [Test]
    public async Task GetAuditLog_WhenTheUserNameIsAMobileNumber_ShowsItMasked_AndStillFindsItByTheFullNumber()
    {
        await RecordAsync(new SecurityEvent("13912345678", null, AuditAction.LoginFailed, false, null));
        await RecordAsync(new SecurityEvent("office", null, AuditAction.LoginFailed, false, null));

        var all = await QueryAsync(new GetAuditLogQuery());
        var found = await QueryAsync(new GetAuditLogQuery(Actor: "13912345678"));

        all.Items.Select(e => e.Actor).Should().Equal("office", "139****5678");
        found.Items.Should().ContainSingle().Which.Actor.Should().Be("139****5678");
    }

    [Test]
    public async Task GetAuditLog_PagesThroughEntries()
    {
        for (var i = 0; i < 25; i++)
        {
            await RecordAsync(new SecurityEvent($"user{i}", null, AuditAction.LoginFailed, false, null));
        }

        var second = await QueryAsync(new GetAuditLogQuery(Page: 2, PageSize: 10));

        second.TotalCount.Should().Be(25);
        second.TotalPages.Should().Be(3);
        second.Items.Should().HaveCount(10);
        second.Items[0].Actor.Should().Be("user14");
    }

    [Test]
    public async Task AuditLog_WhenAnEntryIsChanged_SaveIsRefusedAndNothingChanges()
    {
        var id = await RecordAsync(new SecurityEvent("office", null, AuditAction.LoginSucceeded, true, null));

        var act = () => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id);
            db.Entry(entry).Property(e => e.Succeeded).CurrentValue = false;
            await db.SaveChangesAsync();
        });

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*只能追加*");
        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.SingleAsync(e => e.Id == id));
        stored.Succeeded.Should().BeTrue();
    }

    [Test]
    public async Task AuditLog_WhenAnEntryIsDeleted_SaveIsRefused()
    {
        var id = await RecordAsync(new SecurityEvent("office", null, AuditAction.LoginSucceeded, true, null));

        var act = () => InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));
            await db.SaveChangesAsync();
        });

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync())).Should().Be(1);
    }

    private Task<long> RecordAsync(SecurityEvent e) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<SecurityEvent, long>>().HandleAsync(e));

    private Task<PagedList<AuditEntryDto>> QueryAsync(GetAuditLogQuery q) =>
        InScopeAsync(sp => sp.GetRequiredService<IHandler<GetAuditLogQuery, PagedList<AuditEntryDto>>>().HandleAsync(q));
}
