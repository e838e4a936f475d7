using System.Globalization;
using System.Runtime.CompilerServices;
using TitleReview.Application.Applications.Exports;
using TitleReview.Application.Common.Spreadsheets;
using TitleReview.Domain.Applications;

namespace TitleReview.Benchmarks.Data;

/// <summary>
/// How much memory an export holds while it writes (issue 18, ADR 54): the applicants sheet written
/// through the app's real <see cref="ISpreadsheetWriter"/> to a file, as the web host writes it,
/// from rows made one at a time. Every <see cref="SampleEvery"/> rows it forces a full collection
/// and reads the live heap: what the writer keeps alive (retained), not what it allocates and drops.
/// </summary>
internal static class ExportMemory
{
    public const int SampleEvery = 1_000;

    private static readonly string[] Regions = ["贵阳市", "遵义市", "六盘水市", "安顺市", "毕节市", "铜仁市", "黔东南州", "黔南州", "黔西南州"];
    private static readonly string[] Natures = ["省直企业", "市（州）企业", "省外企业", "其他"];
    private static readonly string[] States = ["填报中", "待单位审核", "单位审核通过", "已报送，待接收纸质材料", "初审通过，已公示", "评审通过"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];

    /// <param name="Rows">Rows asked for.</param>
    /// <param name="Written">Rows the writer reports written.</param>
    /// <param name="FileBytes">The .xlsx file's size.</param>
    /// <param name="AllocatedBytes">Bytes allocated on every thread during the write (garbage included).</param>
    /// <param name="PeakRetainedGrowthBytes">The largest live heap during the write, over the live heap before it.</param>
    public sealed record Measurement(int Rows, int Written, long FileBytes, long AllocatedBytes, long PeakRetainedGrowthBytes)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Rows:N0} rows: file {FileBytes / 1024.0:0} KB, allocated {AllocatedBytes / 1048576.0:0.0} MB, peak retained growth {PeakRetainedGrowthBytes / 1024.0:0} KB");
    }

    /// <summary>Writes <paramref name="rows"/> rows to a file in <paramref name="folder"/> and measures; the file is deleted after.</summary>
    public static async Task<Measurement> MeasureAsync(ISpreadsheetWriter writer, int rows, string folder)
    {
        var path = Path.Combine(folder, $"export-{rows}-{Guid.NewGuid():N}.xlsx");
        try
        {
            var probe = new Probe();
            long fileBytes;
            int written;
            long allocatedBefore;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                probe.Start();
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                written = await writer.WriteAsync(file, ApplicantExport.Columns, RowsAsync(rows, probe));
                probe.Sample();
                fileBytes = file.Length;
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            return new Measurement(rows, written, fileBytes, allocated, probe.PeakGrowth);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Invented rows, each made when the writer asks for it (as a query's rows arrive), with a sample of the live heap every <see cref="SampleEvery"/>.</summary>
    private static async IAsyncEnumerable<ApplicantExportRow> RowsAsync(int count, Probe probe, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = new DateTimeOffset(2026, 6, 15, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i % SampleEvery == 0)
            {
                probe.Sample();
                await Task.Yield();
            }

            yield return new ApplicantExportRow(
                string.Create(CultureInfo.InvariantCulture, $"贵州示范{i / 40:0000}号集团有限公司"),
                Regions[i % Regions.Length],
                Natures[i % Natures.Length],
                (TitleLevel)((i % 3) + 1),
                string.Create(CultureInfo.InvariantCulture, $"{Surnames[i % Surnames.Length]}示例{i:00000}"),
                States[i % States.Length],
                started.AddMinutes(i));
        }
    }

    private sealed class Probe
    {
        private long _baseline;

        public long PeakGrowth { get; private set; }

        public void Start()
        {
            _baseline = LiveHeap();
            PeakGrowth = 0;
        }

        public void Sample() => PeakGrowth = Math.Max(PeakGrowth, LiveHeap() - _baseline);

        private static long LiveHeap()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }
}
