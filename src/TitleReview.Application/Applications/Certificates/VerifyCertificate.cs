using Microsoft.EntityFrameworkCore;
using TitleReview.Application.Common.Exceptions;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications.Certificates;
using TitleReview.Domain.Time;

namespace TitleReview.Application.Applications.Certificates;

/// <summary>Anyone checks a certificate by the code its QR code carries (no sign-in).</summary>
public sealed record VerifyCertificate(string? Code);

/// <summary>What the public reads of a certificate: never the full ID number.</summary>
public sealed record CertificateVerification(
    string Number,
    string ApplicantName,
    string MaskedIdNumber,
    string TitleName,
    int Year,
    string UnitName,
    DateOnly IssuedOn,
    CertificateStatus Status,
    DateOnly? RevokedOn)
{
    public bool IsValid => Status == CertificateStatus.Valid;

    public string StatusName => CertificateStatuses.DisplayName(Status);
}

internal sealed class VerifyCertificateHandler(IApplicationDbContext db) : IHandler<VerifyCertificate, CertificateVerification>
{
    /// <summary>Longer input is no code of ours; it is not looked up.</summary>
    private const int MaxInputLength = 64;

    public async Task<CertificateVerification> HandleAsync(VerifyCertificate request, CancellationToken cancellationToken = default)
    {
        var code = Certificate.NormalizeCode(request.Code);
        if (code.Length != Certificate.VerificationCodeLength || (request.Code?.Length ?? 0) > MaxInputLength)
        {
            throw new NotFoundException("该证书");
        }

        var certificate = await db.Certificates.AsNoTracking()
            .Where(c => c.VerificationCode == code)
            .Select(c => new { c.Number, c.ApplicantName, c.IdNumber, c.TitleName, c.Year, c.UnitName, c.IssuedOn, c.Status, c.RevokedAt })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("该证书");
        return new CertificateVerification(
            certificate.Number,
            certificate.ApplicantName,
            Domain.Common.IdNumber.Mask(certificate.IdNumber),
            certificate.TitleName,
            certificate.Year,
            certificate.UnitName,
            certificate.IssuedOn,
            certificate.Status,
            certificate.RevokedAt is { } at ? BeijingTime.DateOf(at) : null);
    }
}
