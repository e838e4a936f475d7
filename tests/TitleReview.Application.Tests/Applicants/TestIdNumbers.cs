namespace TitleReview.Application.Tests.Applicants;

/// <summary>Invented ID numbers: a 17-digit prefix and its GB 11643 check character.</summary>
internal static class TestIdNumbers
{
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>A valid number for <paramref name="first17"/>.</summary>
    public static string Valid(string first17) => first17 + CheckCharacter(first17);

    /// <summary>The same prefix with a check character that is wrong.</summary>
    public static string WrongCheck(string first17)
    {
        var right = CheckCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    /// <summary>A valid number born on 1985-03-15 in 贵阳 whose check character is X (sequence code searched).</summary>
    public static string EndingInX()
    {
        for (var sequence = 100; sequence < 1000; sequence++)
        {
            var first17 = $"52010219850315{sequence}";
            if (CheckCharacter(first17) == 'X')
            {
                return first17 + 'X';
            }
        }

        throw new InvalidOperationException("no sequence code gives X");
    }
}
