using Microsoft.Extensions.DependencyInjection;
using TitleReview.Application.Applications.Dossier;
using TitleReview.Application.Common.Interfaces;
using TitleReview.Domain.Applications;
using TitleReview.Domain.Applications.Dossier;
using TitleReview.Domain.Workflows;

namespace TitleReview.Application.Tests.Workflows;

/// <summary>Fills a dossier through the real use cases: every section, every scan (small invented PDFs).</summary>
public static class DossierFiller
{
    public static byte[] Pdf(string text) =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A dossier that meets every condition the applicant states for <paramref name="level"/>: the current title one level below it.</summary>
    public static async Task FillCompleteAsync(IServiceProvider services, Guid applicationId, WorkflowActor applicant, int campaignYear, TitleLevel level = TitleLevel.Intermediate)
    {
        async Task<T> Do<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }

        Task<DossierChange> Add(DossierItemInput input) =>
            Do(sp => sp.GetRequiredService<IHandler<AddDossierItem, DossierChange>>().HandleAsync(new AddDossierItem(applicationId, input, null, applicant)));

        async Task Upload(string slot)
        {
            using var content = new MemoryStream(Pdf($"{applicationId} {slot}"));
            await Do(sp => sp.GetRequiredService<IHandler<UploadAttachment, AttachmentInfo>>()
                .HandleAsync(new UploadAttachment(applicationId, slot, content, "scan.pdf", content.Length, null, applicant)));
        }

        await Do(sp => sp.GetRequiredService<IHandler<SavePersonalInfo, DossierChange>>().HandleAsync(
            new SavePersonalInfo(applicationId, "助理政工师", new DateOnly(2017, 6, 1), "党群工作部副部长", EvaluationType.Regular, false, null, applicant)
            {
                CurrentTitleLevel = (CurrentTitleLevel)((int)level - 1),
                EducationDegree = EducationDegree.Bachelor,
                EducationSchool = "贵州大学",
                GraduationYear = 2010,
            }));
        foreach (var slot in AttachmentSlots.Fixed)
        {
            await Upload(slot);
        }

        await Add(new DossierItemInput("education", Year: campaignYear - 1, Hours: 96, ProfessionalHours: 64));
        var work = await Add(new DossierItemInput("work", From: new DateOnly(2012, 7, 1), Unit: "演示单位", Post: "党群工作部干事"));
        await Upload($"WorkHistoryEntry:{work.ItemId:N}");
        var material = await Add(new DossierItemInput("material", MaterialKind: WorkMaterialKind.Report, Title: "关于加强基层思想政治工作的报告", Date: new DateOnly(2021, 3, 1), WordCount: 12000));
        await Upload($"WorkMaterial:{material.ItemId:N}");
        foreach (var n in new[] { 1, 2 })
        {
            var paper = await Add(new DossierItemInput("paper", Title: $"企业思想政治工作创新研究（{n}）", Journal: "演示期刊", Issue: $"2022年第{n}期", IssnCn: "CN00-0000", Date: new DateOnly(2022, n, 1), AuthorRank: 1));
            await Upload($"Paper:{paper.ItemId:N}");
        }
    }
}
