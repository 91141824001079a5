using Machina.QObjects;
using Machina.QObjects.Json;
using Machina.Qapi.Commands;
using Machina.Qapi.Tests.Visitors.TestSchema;
using Machina.Qapi.Visitors;

namespace Machina.Qapi.Tests.Generation;

/// <summary>
/// QEMU's tests/unit/test-qmp-cmds.c against the generated marshalling of the test schema: the C
/// test's command implementations are <see cref="TestCommands"/>, requests go through
/// <see cref="QmpDispatcher"/> as they go through qmp_dispatch.
/// </summary>
public class GeneratedCommandsTests
{
    /// <summary>The command implementations of test-qmp-cmds.c.</summary>
    private sealed class TestCommands : IQapiSchemaTestCommands
    {
        public List<string> Calls { get; } = [];

        public ValueTask<Empty2> UserDefCmd0Async(QmpCommandContext context) => ValueTask.FromResult(new Empty2());

        public ValueTask UserDefCmdAsync(QmpCommandContext context) => Done("user-def-cmd");

        public ValueTask UserDefCmd1Async(UserDefOne ud1a, QmpCommandContext context) => Done("user-def-cmd1");

        public ValueTask<UserDefTwo> UserDefCmd2Async(UserDefOne ud1a, UserDefOne? ud1b, QmpCommandContext context) =>
            ValueTask.FromResult(new UserDefTwo
            {
                String0 = "blah1",
                Dict1 = new UserDefTwoDict
                {
                    String1 = "blah2",
                    Dict2 = new UserDefTwoDictDict { Userdef = new UserDefOne { Integer = ud1a.Integer, String = ud1a.String }, String = "blah3" },
                    Dict3 = new UserDefTwoDictDict
                    {
                        Userdef = new UserDefOne { Integer = ud1b?.Integer ?? 0, String = ud1b?.String ?? "blah0" },
                        String = "blah4",
                    },
                },
            });

        public ValueTask CmdSuccessResponseAsync(QmpCommandContext context) => Done("cmd-success-response");

        public ValueTask CoroutineCmdAsync(QmpCommandContext context) => Done("coroutine-cmd");

        public ValueTask<long> GuestGetTimeAsync(long a, long? b, QmpCommandContext context) => ValueTask.FromResult(a + (b ?? 0));

        public ValueTask<QObject> GuestSyncAsync(QObject arg, QmpCommandContext context) => ValueTask.FromResult(arg);

        public ValueTask BoxedStructAsync(UserDefZero arguments, QmpCommandContext context) => Done("boxed-struct " + arguments.Integer);

        public ValueTask BoxedUnionAsync(UserDefFlatUnion arguments, QmpCommandContext context) => Done("boxed-union " + arguments.GetType().Name);

        public ValueTask BoxedEmptyAsync(Empty1 arguments, QmpCommandContext context) => Done("boxed-empty");

        public ValueTask TestFlagsCommandAsync(QmpCommandContext context) => Done("test-flags-command oob=" + context.IsOob);

        public ValueTask OrgQemuXCommandAsync(QapiList<OrgQemuXEnum> a, QapiList<OrgQemuXStruct> b, OrgQemuXUnion c, OrgQemuXAlt d, QmpCommandContext context)
        {
            // The C test checks that 'wchar-t' is reachable under its mangled name.
            if (b.Count > 0 && b[0].WcharT is null)
            {
                b[0].WcharT = 1;
            }

            return Done("__org.qemu_x-command");
        }

        public ValueTask<UserDefThree> TestCmdReturnDefThreeAsync(QmpCommandContext context) => ValueTask.FromResult(new UserDefThree { String0 = "three" });

        public ValueTask<FeatureStruct1> TestFeatures0Async(
            FeatureStruct0? fs0, FeatureStruct1? fs1, FeatureStruct2? fs2, FeatureStruct3? fs3, FeatureStruct4? fs4,
            CondFeatureStruct1? cfs1, CondFeatureStruct2? cfs2, CondFeatureStruct3? cfs3, CondFeatureStruct4? cfs4, QmpCommandContext context) =>
            ValueTask.FromResult(new FeatureStruct1 { Foo = 0 });

        public ValueTask TestCommandFeatures1Async(QmpCommandContext context) => Done("test-command-features1");

        public ValueTask TestCommandFeatures3Async(QmpCommandContext context) => Done("test-command-features3");

        public ValueTask TestCommandCondFeatures1Async(QmpCommandContext context) => Done("test-command-cond-features1");

        public ValueTask TestCommandCondFeatures2Async(QmpCommandContext context) => Done("test-command-cond-features2");

        public ValueTask TestCommandCondFeatures3Async(QmpCommandContext context) => Done("test-command-cond-features3");

        private ValueTask Done(string call)
        {
            Calls.Add(call);
            return ValueTask.CompletedTask;
        }
    }

    private readonly TestCommands _handler = new();
    private readonly QmpDispatcher _dispatcher;

    public GeneratedCommandsTests()
    {
        var table = new QmpCommandTable();
        QapiSchemaTestCommands.Register(table, _handler);
        _dispatcher = new QmpDispatcher(table);
    }

    private async Task<QDict?> Dispatch(string request, bool allowOob = false, CompatPolicy? policy = null) =>
        await _dispatcher.DispatchAsync(QJson.Parse(request), allowOob, new QmpCommandContext { Policy = policy ?? new CompatPolicy() });

    /// <summary>do_qmp_dispatch: the response is exactly <c>{"return": ...}</c>.</summary>
    private async Task<QObject> Return(string request, bool allowOob = false, CompatPolicy? policy = null)
    {
        var response = await Dispatch(request, allowOob, policy);
        Assert.NotNull(response);
        Assert.Single(response);
        return response["return"];
    }

    /// <summary>do_qmp_dispatch_error: exactly <c>{"error": {"class": ..., "desc": ...}}</c>.</summary>
    private async Task<string> Error(QapiErrorClass errorClass, string request, bool allowOob = false, CompatPolicy? policy = null)
    {
        var response = await Dispatch(request, allowOob, policy);
        Assert.NotNull(response);
        Assert.Single(response);
        var error = Assert.IsType<QDict>(response["error"]);
        Assert.Equal(2, error.Count);
        Assert.Equal(errorClass.ToQapiName(), ((QString)error["class"]).Value);
        return ((QString)error["desc"]).Value;
    }

    [Fact]
    public void Every_generated_command_is_registered_with_its_flags_and_features()
    {
        var table = new QmpCommandTable();
        QapiSchemaTestCommands.Register(table, _handler);
        Assert.Equal(
            [
                "user-def-cmd0", "user-def-cmd", "user-def-cmd1", "user-def-cmd2", "cmd-success-response", "coroutine-cmd",
                "guest-get-time", "guest-sync", "boxed-struct", "boxed-union", "boxed-empty", "test-flags-command",
                "__org.qemu_x-command", "test-cmd-return-def-three", "test-features0", "test-command-features1",
                "test-command-features3", "test-command-cond-features1", "test-command-cond-features2", "test-command-cond-features3",
            ],
            table.Select(c => c.Name));
        Assert.True(table.TryFind("cmd-success-response", out var silent));
        Assert.Equal(QmpCommandOptions.NoSuccessResponse, silent.Options);
        Assert.True(table.TryFind("coroutine-cmd", out var coroutine));
        Assert.Equal(QmpCommandOptions.Coroutine, coroutine.Options);
        Assert.True(table.TryFind("test-flags-command", out var flags));
        Assert.Equal(QmpCommandOptions.AllowOob | QmpCommandOptions.AllowPreconfig, flags.Options);
        Assert.True(table.TryFind("test-command-features1", out var deprecated));
        Assert.Equal(QapiSpecialFeatures.Deprecated, deprecated.SpecialFeatures);
        Assert.True(table.TryFind("test-command-features3", out var unstable));
        Assert.Equal(QapiSpecialFeatures.Unstable, unstable.SpecialFeatures);
    }

    [Fact]
    public async Task Dispatch_cmd_without_arguments_or_return_value()
    {
        Assert.Equal(new QDict(), await Return("{ 'execute': 'user-def-cmd' }"));
        Assert.Equal(["user-def-cmd"], _handler.Calls);
    }

    [Fact]
    public async Task Dispatch_cmd_oob()
    {
        Assert.Equal(new QDict(), await Return("{ 'exec-oob': 'test-flags-command' }", allowOob: true));
        Assert.Equal(["test-flags-command oob=True"], _handler.Calls);
    }

    [Fact]
    public async Task Dispatch_cmd_failure_for_missing_and_extra_arguments()
    {
        Assert.Equal("Parameter 'ud1a' is missing", await Error(QapiErrorClass.GenericError, "{ 'execute': 'user-def-cmd2' }"));
        Assert.Equal("Parameter 'a' is unexpected", await Error(QapiErrorClass.GenericError, "{ 'execute': 'user-def-cmd', 'arguments': { 'a': 66 } }"));
        Assert.Empty(_handler.Calls);
    }

    [Fact]
    public async Task Dispatch_cmd_success_response_false_answers_nothing()
    {
        Assert.Null(await Dispatch("{ 'execute': 'cmd-success-response' }"));
        Assert.Equal(["cmd-success-response"], _handler.Calls);
    }

    [Fact]
    public async Task Dispatch_cmd_io()
    {
        var ret = Assert.IsType<QDict>(await Return(
            "{ 'execute': 'user-def-cmd2', 'arguments': {" +
            " 'ud1a': { 'integer': 42, 'string': 'hello' }," +
            " 'ud1b': { 'integer': 422, 'string': 'hello2' } } }"));
        Assert.Equal(
            QJson.Parse("""
                {"string0": "blah1", "dict1": {"string1": "blah2",
                 "dict2": {"userdef": {"integer": 42, "string": "hello"}, "string": "blah3"},
                 "dict3": {"userdef": {"integer": 422, "string": "hello2"}, "string": "blah4"}}}
                """),
            ret);

        var time = Assert.IsType<QNum>(await Return("{ 'execute': 'guest-get-time', 'arguments': { 'a': 66 } }"));
        Assert.True(time.TryGetInt64(out var value));
        Assert.Equal(66, value);
        Assert.Equal(new QNum(69L), await Return("{ 'execute': 'guest-get-time', 'arguments': { 'a': 66, 'b': 3 } }"));
    }

    [Fact]
    public async Task Any_arguments_and_results_pass_through()
    {
        Assert.Equal(QJson.Parse("[1, {'a': null}]"), await Return("{ 'execute': 'guest-sync', 'arguments': { 'arg': [1, {'a': null}] } }"));
    }

    [Fact]
    public async Task Boxed_commands_take_their_arguments_whole()
    {
        Assert.Equal(new QDict(), await Return("{ 'execute': 'boxed-struct', 'arguments': { 'integer': 7 } }"));
        Assert.Equal(new QDict(), await Return(
            "{ 'execute': 'boxed-union', 'arguments': { 'integer': 1, 'string': 's', 'enum1': 'value2', 'intb': 2 } }"));
        Assert.Equal(new QDict(), await Return("{ 'execute': 'boxed-empty' }"));
        Assert.Equal(["boxed-struct 7", "boxed-union Value2", "boxed-empty"], _handler.Calls);
        Assert.Equal("Parameter 'x' is unexpected", await Error(QapiErrorClass.GenericError, "{ 'execute': 'boxed-empty', 'arguments': { 'x': 1 } }"));
        Assert.Equal("Parameter 'enum1' is missing", await Error(QapiErrorClass.GenericError, "{ 'execute': 'boxed-union', 'arguments': { 'integer': 1, 'string': 's' } }"));
    }

    [Fact]
    public async Task Downstream_names_reach_their_mangled_members()
    {
        Assert.Equal(new QDict(), await Return(
            "{ 'execute': '__org.qemu_x-command', 'arguments': { 'a': ['__org.qemu_x-value']," +
            " 'b': [{ '__org.qemu_x-member1': '__org.qemu_x-value', '__org.qemu_x-member2': 's' }]," +
            " 'c': { '__org.qemu_x-member1': '__org.qemu_x-value', 'array': [] }," +
            " 'd': { '__org.qemu_x-member1': '__org.qemu_x-value' } } }"));
        Assert.Equal(["__org.qemu_x-command"], _handler.Calls);
    }

    [Fact]
    public async Task Dispatch_cmd_deprecated()
    {
        const string Cmd = "{ 'execute': 'test-command-features1' }";
        Assert.Equal(new QDict(), await Return(Cmd));
        Assert.Equal(new QDict(), await Return(Cmd, policy: new CompatPolicy { DeprecatedInput = CompatPolicyInput.Accept }));
        Assert.Equal(
            "Deprecated command test-command-features1 disabled by policy",
            await Error(QapiErrorClass.CommandNotFound, Cmd, policy: new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject }));
    }

    [Fact]
    public async Task Dispatch_cmd_arg_deprecated()
    {
        const string Cmd = "{ 'execute': 'test-features0', 'arguments': { 'fs1': { 'foo': 42 } } }";
        Assert.Single(Assert.IsType<QDict>(await Return(Cmd)));
        Assert.Single(Assert.IsType<QDict>(await Return(Cmd, policy: new CompatPolicy { DeprecatedInput = CompatPolicyInput.Accept })));
        Assert.Equal(
            "Deprecated parameter foo disabled by policy",
            await Error(QapiErrorClass.GenericError, Cmd, policy: new CompatPolicy { DeprecatedInput = CompatPolicyInput.Reject }));
    }

    [Fact]
    public async Task Dispatch_cmd_ret_deprecated()
    {
        const string Cmd = "{ 'execute': 'test-features0' }";
        Assert.Equal(QJson.Parse("{'foo': 0}"), await Return(Cmd));
        Assert.Equal(QJson.Parse("{'foo': 0}"), await Return(Cmd, policy: new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Accept }));
        Assert.Equal(new QDict(), await Return(Cmd, policy: new CompatPolicy { DeprecatedOutput = CompatPolicyOutput.Hide }));
    }

    [Fact]
    public async Task Unstable_command_is_rejected_by_an_unstable_input_policy()
    {
        Assert.Equal(
            "Unstable command test-command-features3 disabled by policy",
            await Error(QapiErrorClass.CommandNotFound, "{ 'execute': 'test-command-features3' }", policy: new CompatPolicy { UnstableInput = CompatPolicyInput.Reject }));
    }

    [Fact]
    public void Dealloc_partial_input_leaves_no_object()
    {
        // test_dealloc_partial: a failed input visit hands back no half-built object.
        var exception = Assert.Throws<QapiException>(() => QObjectInputVisitor.Read<UserDefTwo>(new QDict { ["string0"] = "don't leak me" }));
        Assert.Equal("Parameter 'dict1' is missing", exception.Message);
    }

    [Fact]
    public async Task A_handler_returning_null_where_a_value_is_promised_is_a_generic_error()
    {
        var table = new QmpCommandTable();
        QapiSchemaTestCommands.Register(table, new NullReturning());
        var response = await new QmpDispatcher(table).DispatchAsync(QJson.Parse("{'execute': 'user-def-cmd0'}"), false, new QmpCommandContext());
        var error = Assert.IsType<QDict>(response!["error"]);
        Assert.Equal("GenericError", ((QString)error["class"]).Value);
        Assert.StartsWith("Command user-def-cmd0 failed: ", ((QString)error["desc"]).Value, StringComparison.Ordinal);
    }

    private sealed class NullReturning : IQapiSchemaTestCommands
    {
        private readonly TestCommands _inner = new();

        public ValueTask<Empty2> UserDefCmd0Async(QmpCommandContext context) => ValueTask.FromResult<Empty2>(null!);

        public ValueTask UserDefCmdAsync(QmpCommandContext context) => _inner.UserDefCmdAsync(context);

        public ValueTask UserDefCmd1Async(UserDefOne ud1a, QmpCommandContext context) => _inner.UserDefCmd1Async(ud1a, context);

        public ValueTask<UserDefTwo> UserDefCmd2Async(UserDefOne ud1a, UserDefOne? ud1b, QmpCommandContext context) => _inner.UserDefCmd2Async(ud1a, ud1b, context);

        public ValueTask CmdSuccessResponseAsync(QmpCommandContext context) => _inner.CmdSuccessResponseAsync(context);

        public ValueTask CoroutineCmdAsync(QmpCommandContext context) => _inner.CoroutineCmdAsync(context);

        public ValueTask<long> GuestGetTimeAsync(long a, long? b, QmpCommandContext context) => _inner.GuestGetTimeAsync(a, b, context);

        public ValueTask<QObject> GuestSyncAsync(QObject arg, QmpCommandContext context) => _inner.GuestSyncAsync(arg, context);

        public ValueTask BoxedStructAsync(UserDefZero arguments, QmpCommandContext context) => _inner.BoxedStructAsync(arguments, context);

        public ValueTask BoxedUnionAsync(UserDefFlatUnion arguments, QmpCommandContext context) => _inner.BoxedUnionAsync(arguments, context);

        public ValueTask BoxedEmptyAsync(Empty1 arguments, QmpCommandContext context) => _inner.BoxedEmptyAsync(arguments, context);

        public ValueTask TestFlagsCommandAsync(QmpCommandContext context) => _inner.TestFlagsCommandAsync(context);

        public ValueTask OrgQemuXCommandAsync(QapiList<OrgQemuXEnum> a, QapiList<OrgQemuXStruct> b, OrgQemuXUnion c, OrgQemuXAlt d, QmpCommandContext context) =>
            _inner.OrgQemuXCommandAsync(a, b, c, d, context);

        public ValueTask<UserDefThree> TestCmdReturnDefThreeAsync(QmpCommandContext context) => _inner.TestCmdReturnDefThreeAsync(context);

        public ValueTask<FeatureStruct1> TestFeatures0Async(
            FeatureStruct0? fs0, FeatureStruct1? fs1, FeatureStruct2? fs2, FeatureStruct3? fs3, FeatureStruct4? fs4,
            CondFeatureStruct1? cfs1, CondFeatureStruct2? cfs2, CondFeatureStruct3? cfs3, CondFeatureStruct4? cfs4, QmpCommandContext context) =>
            _inner.TestFeatures0Async(fs0, fs1, fs2, fs3, fs4, cfs1, cfs2, cfs3, cfs4, context);

        public ValueTask TestCommandFeatures1Async(QmpCommandContext context) => _inner.TestCommandFeatures1Async(context);

        public ValueTask TestCommandFeatures3Async(QmpCommandContext context) => _inner.TestCommandFeatures3Async(context);

        public ValueTask TestCommandCondFeatures1Async(QmpCommandContext context) => _inner.TestCommandCondFeatures1Async(context);

        public ValueTask TestCommandCondFeatures2Async(QmpCommandContext context) => _inner.TestCommandCondFeatures2Async(context);

        public ValueTask TestCommandCondFeatures3Async(QmpCommandContext context) => _inner.TestCommandCondFeatures3Async(context);
    }
}
