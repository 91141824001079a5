using System.Text;

namespace Machina.Qmp.Tests.Conformance;

/// <summary>Starts one QEMU and one Machina server for the conformance cases, which run one after the other.</summary>
public sealed class ConformanceEngines : IAsyncLifetime
{
    private QemuEngine? _qemu;

    internal MachinaEngine Machina { get; } = MachinaEngine.Start();

    /// <summary>QEMU, started on first use (so a missing QEMU skips only the tests that need it).</summary>
    internal async Task<QemuEngine> QemuAsync() => _qemu ??= await QemuEngine.StartAsync();

    /// <inheritdoc/>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Machina.DisposeAsync();
        if (_qemu is not null)
        {
            await _qemu.DisposeAsync();
        }
    }
}

/// <summary>
/// The QMP conformance suite: every case's bytes go to real QEMU 7.2 and to Machina, and what they
/// answer must be equal byte for byte, version and timestamps aside.
/// </summary>
public sealed class QmpConformanceTests(ConformanceEngines engines) : IClassFixture<ConformanceEngines>
{
    [Theory]
    [MemberData(nameof(QmpConformanceCases.Names), MemberType = typeof(QmpConformanceCases))]
    public async Task Machina_answers_exactly_as_qemu(string name)
    {
        var @case = QmpConformanceCases.All[name];
        var qemu = await engines.QemuAsync();
        var expected = await QmpTranscript.RecordAsync(qemu, @case);
        var actual = await QmpTranscript.RecordAsync(engines.Machina, @case);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Token_size_limit_matches_qemu()
    {
        var @case = QmpConformanceCases.TokenSizeLimit;
        string expected;
        if (Environment.GetEnvironmentVariable("MACHINA_QMP_SLOW_CONFORMANCE") == "1")
        {
            expected = await QmpTranscript.RecordAsync(await engines.QemuAsync(), @case);
            Assert.Equal(await File.ReadAllTextAsync(QmpConformanceCases.TokenSizeLimitRecording, Encoding.Latin1, TestContext.Current.CancellationToken), expected);
        }
        else
        {
            expected = await File.ReadAllTextAsync(QmpConformanceCases.TokenSizeLimitRecording, Encoding.Latin1, TestContext.Current.CancellationToken);
        }

        var actual = await QmpTranscript.RecordAsync(engines.Machina, @case);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Quit_matches_qemu()
    {
        // quit ends QEMU, so it gets a QEMU (and a Machina server) of its own.
        await using var qemu = await QemuEngine.StartAsync();
        await using var machina = MachinaEngine.Start();
        var expected = await QmpTranscript.RecordAsync(qemu, QmpConformanceCases.Quit);
        var actual = await QmpTranscript.RecordAsync(machina, QmpConformanceCases.Quit);
        Assert.Equal(expected, actual);
    }
}
