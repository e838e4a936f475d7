using ScottPlot;
using SkiaSharp;
using TitleReview.Application.Applications.Statistics;

namespace TitleReview.Web.Charts;

/// <summary>The statistics page's charts.</summary>
public enum ChartKind
{
    /// <summary>From registration to certificate.</summary>
    Funnel,

    /// <summary>Applicants per level.</summary>
    Level,

    /// <summary>Applicants per region (地区/市州).</summary>
    Region,

    /// <summary>Applicants per unit nature.</summary>
    Nature,

    /// <summary>Pass rates per level.</summary>
    PassRate,

    /// <summary>Every year's totals.</summary>
    Years,
}

/// <summary>
/// Draws the statistics as PNG images with ScottPlot (MIT, on SkiaSharp; ADR 55). Labels are Chinese,
/// so the charts use a CJK font that is installed (Noto Sans CJK on Debian's fonts-noto-cjk), else
/// whatever font the system offers for a Chinese character, else ScottPlot's default (the numbers
/// still read; the page's tables beside the charts carry every figure).
/// </summary>
public static class StatisticsCharts
{
    public const int Width = 800;

    public const int Height = 420;

    private static readonly string[] Preferred =
    [
        "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
        "Microsoft YaHei", "SimHei", "PingFang SC", "Noto Serif CJK SC", "Droid Sans Fallback",
    ];

    private static readonly Lazy<string?> CjkFont = new(FindCjkFont);

    /// <summary>The font family the charts use for Chinese, or null when none is installed.</summary>
    public static string? FontFamily => CjkFont.Value;

    public static string FileName(ChartKind kind, int year) => kind switch
    {
        ChartKind.Funnel => $"{year}年度申报评审漏斗",
        ChartKind.Level => $"{year}年度各级别申报人数",
        ChartKind.Region => $"{year}年度各地区申报人数",
        ChartKind.Nature => $"{year}年度各单位性质申报人数",
        ChartKind.PassRate => $"{year}年度各级别通过率",
        _ => "历年申报与通过情况",
    } + ".png";

    public static byte[] Png(ChartKind kind, StatisticsView view)
    {
        var plot = new Plot();
        switch (kind)
        {
            case ChartKind.Funnel:
                HorizontalBars(plot, view.Funnel.Select(s => (s.Name, (double)s.Count)).ToList(), "人");
                plot.Title($"{view.Year} 年度申报评审漏斗");
                break;
            case ChartKind.Level:
                Columns(plot, view.ByLevel.Select(c => (c.Name, (double)c.Count)).ToList(), "人");
                plot.Title($"{view.Year} 年度各级别申报人数");
                plot.YLabel("人数");
                break;
            case ChartKind.Region:
                HorizontalBars(plot, view.ByRegion.Select(c => (c.Name, (double)c.Count)).ToList(), "人");
                plot.Title($"{view.Year} 年度各地区申报人数");
                break;
            case ChartKind.Nature:
                Columns(plot, view.ByNature.Select(c => (c.Name, (double)c.Count)).ToList(), "人");
                plot.Title($"{view.Year} 年度各单位性质申报人数");
                plot.YLabel("人数");
                break;
            case ChartKind.PassRate:
                PassRates(plot, view.PassRates);
                plot.Title($"{view.Year} 年度各级别通过率");
                break;
            default:
                Years(plot, view.YearOverYear);
                plot.Title("历年申报与通过情况");
                break;
        }

        if (FontFamily is { } font)
        {
            plot.Font.Set(font);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void Columns(Plot plot, IReadOnlyList<(string Name, double Value)> items, string unit)
    {
        if (items.Count == 0)
        {
            return;
        }

        var bars = items.Select((item, i) => new Bar { Position = i, Value = item.Value, Label = $"{item.Value:0}{unit}", FillColor = Colors.SteelBlue }).ToList();
        LabelFont(plot.Add.Bars(bars));
        plot.Axes.Bottom.SetTicks([.. items.Select((_, i) => (double)i)], [.. items.Select(item => item.Name)]);
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    /// <summary>Bars from the left, the first item on top (a funnel reads downwards).</summary>
    private static void HorizontalBars(Plot plot, IReadOnlyList<(string Name, double Value)> items, string unit)
    {
        if (items.Count == 0)
        {
            return;
        }

        var n = items.Count;
        var bars = items.Select((item, i) => new Bar { Position = n - 1 - i, Value = item.Value, Label = $"{item.Value:0}{unit}", FillColor = Colors.SteelBlue }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        LabelFont(plotted);
        plot.Axes.Left.SetTicks([.. items.Select((_, i) => (double)(n - 1 - i))], [.. items.Select(item => item.Name)]);
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
    }

    private static void PassRates(Plot plot, IReadOnlyList<LevelPassRate> rates)
    {
        if (rates.Count == 0)
        {
            return;
        }

        var ofReferred = rates.Select((r, i) => new Bar { Position = i * 3, Value = (double)(r.RateOfReferred ?? 0), Label = StatisticsRates.Format(r.RateOfReferred), FillColor = Colors.SteelBlue });
        var ofApplied = rates.Select((r, i) => new Bar { Position = (i * 3) + 1, Value = (double)(r.RateOfApplied ?? 0), Label = StatisticsRates.Format(r.RateOfApplied), FillColor = Colors.Orange });
        var referred = LabelFont(plot.Add.Bars(ofReferred.ToList()));
        referred.LegendText = "评审通过 / 送评";
        var applied = LabelFont(plot.Add.Bars(ofApplied.ToList()));
        applied.LegendText = "评审通过 / 申报";
        plot.Axes.Bottom.SetTicks([.. rates.Select((_, i) => (i * 3) + 0.5)], [.. rates.Select(r => r.LevelName)]);
        plot.Axes.SetLimitsY(0, 115);
        plot.YLabel("通过率（%）");
        plot.ShowLegend(Alignment.UpperLeft);
    }

    private static void Years(Plot plot, IReadOnlyList<YearTotals> years)
    {
        if (years.Count == 0)
        {
            return;
        }

        double[] xs = [.. years.Select(y => (double)y.Year)];
        var applied = plot.Add.Scatter(xs, years.Select(y => (double)y.Applied).ToArray());
        applied.LegendText = "申报";
        var referred = plot.Add.Scatter(xs, years.Select(y => (double)y.Referred).ToArray());
        referred.LegendText = "送评";
        var passed = plot.Add.Scatter(xs, years.Select(y => (double)y.Passed).ToArray());
        passed.LegendText = "评审通过";
        plot.Axes.Bottom.SetTicks(xs, [.. years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.YLabel("人数");
        plot.ShowLegend(Alignment.LowerLeft);
    }

    /// <summary>The bars' value labels carry Chinese units (人): they get the CJK font too.</summary>
    private static ScottPlot.Plottables.BarPlot LabelFont(ScottPlot.Plottables.BarPlot bars)
    {
        if (FontFamily is { } font)
        {
            bars.ValueLabelStyle.FontName = font;
        }

        return bars;
    }

    private static string? FindCjkFont()
    {
        try
        {
            var installed = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return Preferred.FirstOrDefault(installed.Contains)
                ?? SKFontManager.Default.MatchCharacter('中')?.FamilyName;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return null;
        }
    }
}
