using TitleReview.Application.Files;

namespace TitleReview.Application.Tests.Files;

public class UploadRejectedExceptionTests
{
    [Test]
    public void TooLarge_Is413AndNamesTheLimit()
    {
        var refused = UploadRejectedException.TooLarge(10 * 1024 * 1024);

        refused.Reason.Should().Be(UploadRejectionReason.TooLarge);
        refused.StatusCode.Should().Be(413);
        refused.Message.Should().Be("文件超过大小上限（10 MB），请压缩后重新上传。");
    }

    [Test]
    public void DossierFull_Is413AndNamesTheDossierLimit()
    {
        var refused = UploadRejectedException.DossierFull(100 * 1024 * 1024);

        refused.Reason.Should().Be(UploadRejectionReason.TooLarge);
        refused.StatusCode.Should().Be(413);
        refused.Message.Should().Be("申报材料总大小已达上限（100 MB），无法继续上传。请删除不需要的文件后重试。");
    }

    [Test]
    public void OtherRefusals_Are400()
    {
        UploadRejectedException[] refusals =
        [
            UploadRejectedException.Empty(),
            UploadRejectedException.UnsupportedType(),
            UploadRejectedException.BadName("文件名不合法：不能包含路径（/ \\ ..）或控制字符。"),
        ];

        refusals.Select(r => r.Reason).Should().Equal(UploadRejectionReason.Empty, UploadRejectionReason.UnsupportedType, UploadRejectionReason.BadName);
        refusals.Should().OnlyContain(r => r.StatusCode == 400 && r.LimitBytes == null);
    }
}
