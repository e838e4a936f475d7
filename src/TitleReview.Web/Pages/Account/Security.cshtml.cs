using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using TitleReview.Infrastructure.Identity;

namespace TitleReview.Web.Pages.Account;

/// <summary>A signed-in person's two-factor sign-in and password. Office accounts are sent here to enrol.</summary>
public sealed class SecurityModel(UserManager<AppUser> users, TwoFactorSettings settings) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public TwoFactorState State { get; private set; } = new(false, 0, null, null, false);

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    public bool MustEnrol => State is { Required: true, Enabled: false };

    public string FormattedKey => State.SharedKey is { } key ? TwoFactorSettings.FormatKey(key) : string.Empty;

    public string QrCodeSvg { get; private set; } = string.Empty;

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        try
        {
            RecoveryCodes = await settings.EnableAsync(user, Code, RemoteAddress, cancellationToken);
            Message = "两步验证已启用。";
        }
        finally
        {
            await LoadAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await settings.DisableAsync(await CurrentUserAsync(), RemoteAddress, cancellationToken);
            Message = "两步验证已关闭。";
        }
        finally
        {
            await LoadAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        try
        {
            RecoveryCodes = await settings.RegenerateRecoveryCodesAsync(await CurrentUserAsync(), RemoteAddress, cancellationToken);
            Message = "已生成新的恢复码，原有恢复码全部作废。";
        }
        finally
        {
            await LoadAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(CancellationToken cancellationToken)
    {
        try
        {
            await settings.ChangePasswordAsync(await CurrentUserAsync(), CurrentPassword, NewPassword, ConfirmPassword, RemoteAddress, cancellationToken);
            Message = "密码已修改。";
        }
        finally
        {
            await LoadAsync();
        }

        return Page();
    }

    private string? RemoteAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account.");

    private async Task LoadAsync()
    {
        State = await settings.GetStateAsync(await CurrentUserAsync());
        if (State.AuthenticatorUri is { } uri)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrCodeSvg = new SvgQRCode(data).GetGraphic(4);
        }
    }
}
