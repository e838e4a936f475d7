using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Applicants;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Application.Security.RecordSecurityEvent;
using TitleReview.Domain.Common;
using TitleReview.Domain.Identity;
using TitleReview.Domain.Security;
using TitleReview.Infrastructure.Persistence;

namespace TitleReview.Infrastructure.Identity;

/// <summary>Applicants register themselves: their accounts are active at once (no activation link).</summary>
internal sealed class ApplicantAccounts(
    AppDbContext db,
    UserManager<AppUser> users,
    IHandler<SecurityEvent, long> audit,
    TimeProvider clock) : IApplicantAccounts
{
    public async Task<IReadOnlyList<string>> CheckPasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }

        return problems.Distinct().ToList();
    }

    public Task<bool> IsIdNumberRegisteredAsync(string idNumber, CancellationToken cancellationToken = default) =>
        db.Users.AnyAsync(u => u.IdNumber == idNumber, cancellationToken);

    public async Task<MobileUse> FindMobileUseAsync(string mobile, CancellationToken cancellationToken = default)
    {
        var owners = await db.Users
            .Where(u => u.UserName == mobile || u.PhoneNumber == mobile)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        if (owners.Count == 0)
        {
            return MobileUse.Free;
        }

        var auditor = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where owners.Contains(userRole.UserId) && role.Name == Roles.Auditor
                select userRole.UserId)
            .AnyAsync(cancellationToken);
        return auditor ? MobileUse.Auditor : MobileUse.Taken;
    }

    public async Task<ApplicantAccount> CreateAsync(NewApplicant applicant, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var user = new AppUser
        {
            UserName = applicant.Mobile,
            PhoneNumber = applicant.Mobile,
            DisplayName = applicant.Name,
            IdNumber = applicant.IdNumber.ToUpperInvariant(),
            UnitId = applicant.UnitId,
            IsActive = true,
            ActivatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };

        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, applicant.Password);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same ID number or mobile between the checks and the save.
            throw new DomainException("该身份证号码或手机号刚刚已被注册，请直接登录；如忘记密码请联系本单位审核人。");
        }

        if (!created.Succeeded)
        {
            throw new ValidationException(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "mobile")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray(), StringComparer.Ordinal));
        }

        var role = await users.AddToRoleAsync(user, Roles.Applicant);
        if (!role.Succeeded)
        {
            throw new DomainException(string.Join(" ", role.Errors.Select(e => e.Description)));
        }

        await audit.HandleAsync(
            new SecurityEvent(user.UserName!, user.Id, AuditAction.AccountCreated, true, null, $"申报人自行注册（{applicant.Name}，{applicant.UnitName}）"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ApplicantAccount(user.Id, user.UserName!);
    }
}
