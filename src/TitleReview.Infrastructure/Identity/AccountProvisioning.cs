using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Application.Units;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

internal sealed class AccountProvisioning(
    AppDbContext db,
    UserManager<AppUser> users,
    IHandler<SecurityEvent, long> audit,
    IOptions<ActivationOptions> options,
    TimeProvider clock) : IAccountProvisioning
{
    public async Task<ProvisionedAccount> CreateAuditorAsync(string name, string mobile, Guid unitId, string actorName, CancellationToken cancellationToken = default)
    {
        if (await users.FindByNameAsync(mobile) is { } existing)
        {
            var sameUnitAuditor = existing.UnitId == unitId && await users.IsInRoleAsync(existing, Roles.Auditor) && existing.DisabledAt is null;
            if (!sameUnitAuditor)
            {
                throw new ValidationException("auditorMobile", $"手机号 {MobileNumber.Mask(mobile)} 已被其他账号使用，请更换审核人手机号，或联系省政工职评办。");
            }

            // The same person audits for the same unit again (another year): keep the account.
            existing.DisplayName = name;
            Check(await users.UpdateAsync(existing));
            return existing.IsActive
                ? new ProvisionedAccount(existing.Id, existing.UserName!, string.Empty, clock.GetUtcNow())
                : await IssueActivationAsync(existing, actorName, cancellationToken);
        }

        var user = new AppUser
        {
            UserName = mobile,
            PhoneNumber = mobile,
            DisplayName = name,
            UnitId = unitId,
            IsActive = false,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, Roles.Auditor));
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountCreated, true, null, $"审核人账号（{name}），由 {actorName} 审核通过时创建"), cancellationToken);
        return await IssueActivationAsync(user, actorName, cancellationToken);
    }

    public async Task<ProvisionedAccount> ReissueActivationAsync(string userId, string actorName, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("该账号");
        if (user.IsActive)
        {
            throw new DomainException("该账号已激活，无需重新生成激活链接。");
        }

        if (user.DisabledAt is not null)
        {
            throw new DomainException("该账号已停用，不能激活。");
        }

        return await IssueActivationAsync(user, actorName, cancellationToken);
    }

    public async Task DisableAsync(string userId, string actorName, string reason, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("该账号");
        var now = clock.GetUtcNow();
        user.IsActive = false;
        user.DisabledAt = now;
        Check(await users.UpdateSecurityStampAsync(user));
        await RevokeOpenActivationsAsync(user.Id, now, cancellationToken);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountDisabled, true, null, $"{actorName}：{reason}"), cancellationToken);
    }

    public Task<bool> IsApplicantInCampaignAsync(Guid campaignId, string mobile, CancellationToken cancellationToken = default) =>
        (from application in db.TitleApplications
         join user in db.Users on application.ApplicantUserId equals user.Id
         where application.CampaignId == campaignId && (user.PhoneNumber == mobile || user.UserName == mobile)
         select application.Id).AnyAsync(cancellationToken);

    public async Task<AccountState?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var open = await db.AccountActivations.AsNoTracking()
            .Where(a => a.UserId == userId && a.UsedAt == null && a.RevokedAt == null)
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => (DateTimeOffset?)a.ExpiresAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new AccountState(user.Id, user.UserName!, user.IsActive, user.DisabledAt is not null, open is { } expires && expires > now ? expires : null);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<ProvisionedAccount> IssueActivationAsync(AppUser user, string actorName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await RevokeOpenActivationsAsync(user.Id, now, cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var activation = new AccountActivation
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.LifetimeHours),
        };
        db.AccountActivations.Add(activation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.HandleAsync(new SecurityEvent(user.UserName!, user.Id, AuditAction.ActivationLinkIssued, true, null, $"由 {actorName} 生成，有效至 {Domain.Time.BeijingTime.Format(activation.ExpiresAt)}"), cancellationToken);
        return new ProvisionedAccount(user.Id, user.UserName!, $"/Account/Activate?token={token}", activation.ExpiresAt);
    }

    private async Task RevokeOpenActivationsAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.AccountActivations.Where(a => a.UserId == userId && a.UsedAt == null && a.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var activation in open)
        {
            activation.RevokedAt = now;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
