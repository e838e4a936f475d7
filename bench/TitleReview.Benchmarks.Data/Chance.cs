using System.Globalization;
using TitleReview.Domain.Common;
using TitleReview.Domain.Units;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// Every choice the generator makes, from one seeded <see cref="Random"/>: the same seed and the
/// same sizes give the same ids, names, numbers and states. The people and units are invented;
/// their numbers pass the app's own checks (check digits included) but belong to no one.
/// </summary>
internal sealed class Chance(int seed)
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林",
        "龙", "吴", "杨", "石", "潘", "田", "韦", "蒙", "梁", "谢", "邓", "冯", "曾", "彭", "肖", "蔡", "袁", "唐", "许", "宋",
    ];

    private static readonly string GivenCharacters =
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志远文斌宇浩晨欣怡子涵思雨佳琪梓轩俊熙德民金凤春燕海波永亮小龙丹丹";

    private static readonly string[] Industries =
    [
        "能源", "交通建设", "水务", "电力", "酒业", "烟草", "磷化工", "建材", "铝业", "煤业", "旅游", "医药", "农业发展", "物流", "通信",
        "信息技术", "大数据", "钢铁", "林业", "茶业", "路桥", "铁路", "航空", "银行", "保险", "出版", "广播电视", "城市建设", "水利", "地质矿产",
    ];

    private static readonly string[] Places =
    [
        "黔源", "黔中", "筑城", "乌江", "赤水", "梵净", "红枫", "花溪", "云岭", "苗岭", "黔灵", "南明", "清镇", "息烽", "开阳", "修文",
        "凯里", "都匀", "兴义", "铜仁", "毕节", "安顺", "遵义", "六枝", "盘州", "仁怀", "湄潭", "荔波", "镇远", "黄果树", "百里杜鹃", "织金",
    ];

    private static readonly string[] Forms = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"];

    /// <summary>The first four digits of division codes in Guizhou, by region (province-level units use 5200/5201).</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Divisions = new Dictionary<string, string[]>
    {
        [Regions.Provincial] = ["5200", "5201"],
        ["贵阳市"] = ["5201"],
        ["六盘水市"] = ["5202"],
        ["遵义市"] = ["5203"],
        ["安顺市"] = ["5204"],
        ["毕节市"] = ["5205"],
        ["铜仁市"] = ["5206"],
        ["黔西南州"] = ["5223"],
        ["黔东南州"] = ["5226"],
        ["黔南州"] = ["5227"],
    };

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _mobiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _idNumbers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _creditCodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unitNames = new(StringComparer.Ordinal);

    public int Between(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double Fraction() => _random.NextDouble();

    public bool Chances(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An item chosen with the given weights (any positive numbers).</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> choices)
    {
        var total = choices.Sum(c => c.Weight);
        var point = _random.NextDouble() * total;
        foreach (var (item, weight) in choices)
        {
            point -= weight;
            if (point < 0)
            {
                return item;
            }
        }

        return choices[^1].Item;
    }

    /// <summary>A version-4 shaped Guid from the seeded source.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A random instant in [from, to).</summary>
    public DateTimeOffset Within(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddSeconds(Math.Floor(_random.NextDouble() * (to - from).TotalSeconds));

    public string PersonName()
    {
        var given = _random.Next(3) == 0 ? 1 : 2;
        var name = Pick(Surnames);
        for (var i = 0; i < given; i++)
        {
            name += GivenCharacters[_random.Next(GivenCharacters.Length)];
        }

        return name;
    }

    /// <summary>A mobile number not handed out before (user names are mobile numbers).</summary>
    public string Mobile()
    {
        string number;
        do
        {
            number = string.Create(CultureInfo.InvariantCulture, $"1{Pick(new[] { 3, 5, 7, 8, 9 })}{_random.Next(0, 1_000_000_000):D9}");
        }
        while (!_mobiles.Add(number));

        return MobileNumber.Validate(number).Normalized!;
    }

    /// <summary>An 18-character 居民身份证号码 of a person born in Guizhou on <paramref name="birthDate"/>, with its check character.</summary>
    public string IdNumber(DateOnly birthDate, DateOnly today)
    {
        while (true)
        {
            var division = Pick(Divisions.Values.SelectMany(d => d).Distinct().ToList()) + _random.Next(1, 30).ToString("D2", CultureInfo.InvariantCulture);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{division}{birthDate:yyyyMMdd}{_random.Next(0, 1000):D3}");
            var number = "0123456789X".Select(c => first17 + c).First(n => Domain.Common.IdNumber.Validate(n, today).IsValid);
            if (_idNumbers.Add(number))
            {
                return number;
            }
        }
    }

    /// <summary>A unit's invented name, unique in the data set.</summary>
    public string UnitName(string region)
    {
        while (true)
        {
            var prefix = region == Regions.Provincial ? "贵州" : region;
            var name = $"{prefix}{Pick(Places)}{Pick(Industries)}{Pick(Forms)}";
            if (_unitNames.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>A 统一社会信用代码 of an enterprise (91) registered in <paramref name="region"/>, with its check character.</summary>
    public string CreditCode(string region)
    {
        while (true)
        {
            var division = Pick(Divisions[region]) + _random.Next(0, 30).ToString("D2", CultureInfo.InvariantCulture);
            var organisation = new string(Enumerable.Range(0, 9).Select(_ => UnifiedSocialCreditCode.Alphabet[_random.Next(UnifiedSocialCreditCode.Alphabet.Length)]).ToArray());
            var first17 = $"91{division}{organisation}";
            var code = UnifiedSocialCreditCode.Alphabet.Select(c => first17 + c).First(c => UnifiedSocialCreditCode.Validate(c).IsValid);
            if (_creditCodes.Add(code))
            {
                return code;
            }
        }
    }

    public static IReadOnlyList<string> RegionsInGuizhou => Regions.InGuizhou;
}
