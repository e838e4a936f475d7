namespace TitleReview.Application.Applicants;

/// <summary>An applicant's account as created: the user name is the mobile number.</summary>
public sealed record ApplicantAccount(string UserId, string UserName);

/// <summary>A checked, normalised registration ready to become an account.</summary>
public sealed record NewApplicant(Guid UnitId, string UnitName, string Name, string IdNumber, string Mobile, string Password);

/// <summary>Who already uses a mobile number.</summary>
public enum MobileUse
{
    /// <summary>No account uses it.</summary>
    Free,

    /// <summary>A unit's auditor signs in with it or gave it.</summary>
    Auditor,

    /// <summary>Another account (an applicant, or anyone else) uses it.</summary>
    Taken,
}

/// <summary>Applicants' accounts (Identity lives in Infrastructure).</summary>
public interface IApplicantAccounts
{
    /// <summary>The password rules' Chinese messages for this password; empty when it is strong enough.</summary>
    Task<IReadOnlyList<string>> CheckPasswordAsync(string password, CancellationToken cancellationToken = default);

    /// <summary>Whether an account was already registered with this (normalised) ID number.</summary>
    Task<bool> IsIdNumberRegisteredAsync(string idNumber, CancellationToken cancellationToken = default);

    /// <summary>Whether the (normalised) mobile number is an account's user name or phone, and whose.</summary>
    Task<MobileUse> FindMobileUseAsync(string mobile, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an active applicant account of the unit (user name: the mobile number) and writes
    /// the audit entry, in one transaction.
    /// </summary>
    Task<ApplicantAccount> CreateAsync(NewApplicant applicant, CancellationToken cancellationToken = default);
}
