using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Generation;

/// <summary>QEMU's tests/unit/test-qmp-event.c against the generated emitter of the test schema.</summary>
public class GeneratedEventsTests
{
    private readonly List<(QapiSchemaTestEvent Event, QDict Message)> _sent = [];
    private readonly QapiSchemaTestEvents _events;

    public GeneratedEventsTests() => _events = new QapiSchemaTestEvents((e, m) => _sent.Add((e, m)));

    /// <summary>test_qapi_event_emit: checks the timestamp, removes it, compares the rest.</summary>
    private void AssertEmitted(QapiSchemaTestEvent expectedEvent, string expected)
    {
        var (sentEvent, message) = Assert.Single(_sent);
        _sent.Clear();
        Assert.Equal(expectedEvent, sentEvent);
        var timestamp = Assert.IsType<QDict>(message["timestamp"]);
        Assert.Equal(2, timestamp.Count);
        Assert.True(timestamp.TryGetInt64("seconds", out var seconds) && seconds >= 0);
        Assert.True(timestamp.TryGetInt64("microseconds", out var microseconds) && microseconds is >= 0 and <= 999999);
        message.Remove("timestamp");
        Assert.Equal(QJson.Parse(expected), message);
    }

    [Fact]
    public void Event_a()
    {
        _events.SendEventA();
        AssertEmitted(QapiSchemaTestEvent.EventA, "{ 'event': 'EVENT_A' }");
    }

    [Fact]
    public void Event_b_with_empty_data_has_no_data()
    {
        _events.SendEventB();
        AssertEmitted(QapiSchemaTestEvent.EventB, "{ 'event': 'EVENT_B' }");
    }

    [Fact]
    public void Event_c()
    {
        _events.SendEventC(1, new UserDefOne { Integer = 2, String = "test1" }, "test2");
        AssertEmitted(QapiSchemaTestEvent.EventC, "{ 'event': 'EVENT_C', 'data': { 'a': 1, 'b': { 'integer': 2, 'string': 'test1' }, 'c': 'test2' } }");
    }

    [Fact]
    public void Event_d_with_a_complex_type()
    {
        var a = new EventStructOne
        {
            Struct1 = new UserDefOne { Integer = 2, String = "test1", Enum1 = EnumOne.Value1 },
            String = "test2",
            Enum2 = EnumOne.Value2,
        };
        _events.SendEventD(a, "test3", null, EnumOne.Value3);
        AssertEmitted(QapiSchemaTestEvent.EventD, """
            { 'event': 'EVENT_D', 'data': {
              'a': { 'struct1': { 'integer': 2, 'string': 'test1', 'enum1': 'value1' }, 'string': 'test2', 'enum2': 'value2' },
              'b': 'test3', 'enum3': 'value3' } }
            """);
    }

    [Fact]
    public void Boxed_events_take_their_data_whole()
    {
        _events.SendEventE(new UserDefZero { Integer = 5 });
        AssertEmitted(QapiSchemaTestEvent.EventE, "{ 'event': 'EVENT_E', 'data': { 'integer': 5 } }");
        _events.SendEventF(new UserDefFlatUnion.Value4 { Integer = 1, String = "s" });
        AssertEmitted(QapiSchemaTestEvent.EventF, "{ 'event': 'EVENT_F', 'data': { 'integer': 1, 'string': 's', 'enum1': 'value4' } }");
        _events.SendEventG(new Empty1());
        AssertEmitted(QapiSchemaTestEvent.EventG, "{ 'event': 'EVENT_G' }");
    }

    [Fact]
    public void Downstream_event_keeps_its_wire_names()
    {
        _events.SendOrgQemuXEvent(OrgQemuXEnum.OrgQemuXValue, "s", 3);
        AssertEmitted(QapiSchemaTestEvent.OrgQemuXEvent, """
            { 'event': '__ORG.QEMU_X-EVENT', 'data': { '__org.qemu_x-member1': '__org.qemu_x-value', '__org.qemu_x-member2': 's', 'wchar-t': 3 } }
            """);
    }

    [Fact]
    public void Deprecated_event_is_hidden_by_the_output_policy()
    {
        _events.SendTestEventFeatures1();
        AssertEmitted(QapiSchemaTestEvent.TestEventFeatures1, "{ 'event': 'TEST_EVENT_FEATURES1' }");

        _events.Policy = new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide };
        _events.SendTestEventFeatures1();
        Assert.Empty(_sent);

        // Hiding deprecated things leaves unstable ones alone, and the other way round.
        _events.SendTestEventFeatures2();
        AssertEmitted(QapiSchemaTestEvent.TestEventFeatures2, "{ 'event': 'TEST_EVENT_FEATURES2' }");
        _events.Policy = new CompatPolicy { UnstableOutput = CompatPolicyOutput.Hide };
        _events.SendTestEventFeatures2();
        Assert.Empty(_sent);
    }

    [Fact]
    public void Deprecated_data_member_is_hidden_by_the_output_policy()
    {
        _events.SendTestEventFeatures0(42);
        AssertEmitted(QapiSchemaTestEvent.TestEventFeatures0, "{ 'event': 'TEST_EVENT_FEATURES0', 'data': { 'foo': 42 } }");

        _events.Policy = new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide };
        _events.SendTestEventFeatures0(42);
        AssertEmitted(QapiSchemaTestEvent.TestEventFeatures0, "{ 'event': 'TEST_EVENT_FEATURES0' }");
    }

    [Fact]
    public void Timestamps_come_from_the_given_clock()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123).AddTicks(4_560));
        var events = new QapiSchemaTestEvents((_, m) => _sent.Add((QapiSchemaTestEvent.EventA, m)), clock);
        events.SendEventA();
        Assert.Equal(QJson.Parse("{'seconds': 1700000000, 'microseconds': 123456}"), Assert.Single(_sent).Message["timestamp"]);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
