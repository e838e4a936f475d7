using TitleReview.Application.Applications.Dossier;

namespace TitleReview.Web.Pages.Shared;

public sealed record AttachmentSlotModel(string Slot, string Label, AttachmentView? Attachment, bool Editable, Guid Token)
{
    public string InputId => Slot.Replace(':', '-').Replace('.', '-');
}
