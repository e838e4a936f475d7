using Microsoft.AspNetCore.Mvc;
using TitleReview.Domain.Applications.Documents;

namespace TitleReview.Web.Hosting;

/// <summary>
/// Links to what is not a Razor page (minimal-API endpoints, the Hangfire dashboard) and to
/// the generated papers, so views never spell a path: endpoints are found by name.
/// </summary>
public static class SiteUrls
{
    public const string HangfireDashboardPath = "/hangfire";

    public const string OpenAttachmentEndpoint = "OpenAttachment";

    public const string ExportTimelineEndpoint = "ExportTimeline";

    public const string OpenVoucherEndpoint = "OpenVoucher";

    public const string OpenSupplementFileEndpoint = "OpenSupplementFile";

    public const string OpenIntegrityScanEndpoint = "OpenIntegrityScan";

    public static string? Attachment(this IUrlHelper url, Guid attachmentId) =>
        url.RouteUrl(OpenAttachmentEndpoint, new { id = attachmentId });

    public static string? SupplementFile(this IUrlHelper url, Guid fileId) =>
        url.RouteUrl(OpenSupplementFileEndpoint, new { id = fileId });

    public static string? IntegrityScan(this IUrlHelper url, Guid caseId, Guid evidenceId) =>
        url.RouteUrl(OpenIntegrityScanEndpoint, new { caseId, evidenceId });

    public static string? Voucher(this IUrlHelper url, Guid transferId) =>
        url.RouteUrl(OpenVoucherEndpoint, new { id = transferId });

    public static string? TimelineExport(this IUrlHelper url, int year) =>
        url.RouteUrl(ExportTimelineEndpoint, new { year });

    public static string? Document(this IUrlHelper url, Guid applicationId, DocumentKind kind) =>
        url.Page("/Documents/Index", new { id = applicationId, kind = DocumentKinds.Slug(kind) });

    public static string HangfireDashboard(this IUrlHelper url) => url.Content("~" + HangfireDashboardPath);
}
