using Microsoft.AspNetCore.Identity;

namespace TitleReview.Infrastructure.Identity;

/// <summary>
/// A password must use at least three of the four character classes: upper-case letters,
/// lower-case letters, digits and symbols. (Length is checked by Identity's own options.)
/// </summary>
public sealed class PasswordCharacterClassesValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public const int RequiredClasses = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        return Task.FromResult(CountClasses(password ?? string.Empty) >= RequiredClasses
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCharacterClasses",
                Description = "密码须包含大写字母、小写字母、数字、符号四类中的至少三类。",
            }));
    }

    public static int CountClasses(string password)
    {
        var upper = password.Any(char.IsAsciiLetterUpper);
        var lower = password.Any(char.IsAsciiLetterLower);
        var digit = password.Any(char.IsAsciiDigit);
        var symbol = password.Any(c => !char.IsAsciiLetterOrDigit(c) && !char.IsWhiteSpace(c));
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
