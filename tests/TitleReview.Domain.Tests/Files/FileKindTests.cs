using TitleReview.Domain.Files;

namespace TitleReview.Domain.Tests.Files;

public class FileKindTests
{
    [TestCase(FileKind.Pdf, "application/pdf", "PDF", ".pdf")]
    [TestCase(FileKind.Jpeg, "image/jpeg", "JPEG", ".jpg")]
    [TestCase(FileKind.Png, "image/png", "PNG", ".png")]
    public void Kind_HasContentTypeDisplayNameAndExtension(FileKind kind, string contentType, string displayName, string extension)
    {
        kind.ContentType().Should().Be(contentType);
        kind.DisplayName().Should().Be(displayName);
        kind.Extension().Should().Be(extension);
        kind.HasExtension(extension.ToUpperInvariant()).Should().BeTrue();
    }

    [Test]
    public void All_ListsEveryKindOnce()
    {
        FileKinds.All.Should().BeEquivalentTo(Enum.GetValues<FileKind>()).And.OnlyHaveUniqueItems();
    }

    [TestCase(FileKind.Jpeg, ".jpeg")]
    [TestCase(FileKind.Jpeg, ".JPG")]
    [TestCase(FileKind.Jpeg, ".jfif")]
    public void HasExtension_AcceptsUsualAlternatives(FileKind kind, string extension)
    {
        kind.HasExtension(extension).Should().BeTrue();
    }

    [TestCase(FileKind.Pdf, ".png")]
    [TestCase(FileKind.Png, ".jpg")]
    [TestCase(FileKind.Jpeg, ".pdf")]
    [TestCase(FileKind.Pdf, "")]
    [TestCase(FileKind.Pdf, null)]
    public void HasExtension_RefusesOtherKindsExtensions(FileKind kind, string? extension)
    {
        kind.HasExtension(extension).Should().BeFalse();
    }

    [Test]
    public void ContentType_WhenUndefinedValue_Throws()
    {
        var act = () => ((FileKind)42).ContentType();

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
