// Hand-written in exactly the shape the QAPI code generator emits (docs/codegen-shape.md), from
// QEMU 7.2's qapi/qom.json; to be replaced by generated code.

using Machina.Qapi.Visitors;

namespace Machina.Qom;

/// <summary>
/// The QAPI enum <c>ObjectType</c> (qapi/qom.json): every type name <c>object-add</c> accepts in
/// QEMU 7.2 as Debian builds it for x86-64 (conditional values included, as that build has them).
/// Machina implements some of these types; the others are refused with "invalid object type".
/// </summary>
[QapiName("ObjectType")]
public enum ObjectType
{
    /// <summary>The value <c>authz-list</c>.</summary>
    [QapiName("authz-list")]
    AuthzList,

    /// <summary>The value <c>authz-listfile</c>.</summary>
    [QapiName("authz-listfile")]
    AuthzListfile,

    /// <summary>The value <c>authz-pam</c>.</summary>
    [QapiName("authz-pam")]
    AuthzPam,

    /// <summary>The value <c>authz-simple</c>.</summary>
    [QapiName("authz-simple")]
    AuthzSimple,

    /// <summary>The value <c>can-bus</c>.</summary>
    [QapiName("can-bus")]
    CanBus,

    /// <summary>The value <c>can-host-socketcan</c>.</summary>
    [QapiName("can-host-socketcan")]
    CanHostSocketcan,

    /// <summary>The value <c>colo-compare</c>.</summary>
    [QapiName("colo-compare")]
    ColoCompare,

    /// <summary>The value <c>cryptodev-backend</c>.</summary>
    [QapiName("cryptodev-backend")]
    CryptodevBackend,

    /// <summary>The value <c>cryptodev-backend-builtin</c>.</summary>
    [QapiName("cryptodev-backend-builtin")]
    CryptodevBackendBuiltin,

    /// <summary>The value <c>cryptodev-backend-lkcf</c>.</summary>
    [QapiName("cryptodev-backend-lkcf")]
    CryptodevBackendLkcf,

    /// <summary>The value <c>cryptodev-vhost-user</c>.</summary>
    [QapiName("cryptodev-vhost-user")]
    CryptodevVhostUser,

    /// <summary>The value <c>dbus-vmstate</c>.</summary>
    [QapiName("dbus-vmstate")]
    DbusVmstate,

    /// <summary>The value <c>filter-buffer</c>.</summary>
    [QapiName("filter-buffer")]
    FilterBuffer,

    /// <summary>The value <c>filter-dump</c>.</summary>
    [QapiName("filter-dump")]
    FilterDump,

    /// <summary>The value <c>filter-mirror</c>.</summary>
    [QapiName("filter-mirror")]
    FilterMirror,

    /// <summary>The value <c>filter-redirector</c>.</summary>
    [QapiName("filter-redirector")]
    FilterRedirector,

    /// <summary>The value <c>filter-replay</c>.</summary>
    [QapiName("filter-replay")]
    FilterReplay,

    /// <summary>The value <c>filter-rewriter</c>.</summary>
    [QapiName("filter-rewriter")]
    FilterRewriter,

    /// <summary>The value <c>input-barrier</c>.</summary>
    [QapiName("input-barrier")]
    InputBarrier,

    /// <summary>The value <c>input-linux</c>.</summary>
    [QapiName("input-linux")]
    InputLinux,

    /// <summary>The value <c>iothread</c>.</summary>
    [QapiName("iothread")]
    Iothread,

    /// <summary>The value <c>main-loop</c>.</summary>
    [QapiName("main-loop")]
    MainLoop,

    /// <summary>The value <c>memory-backend-epc</c>.</summary>
    [QapiName("memory-backend-epc")]
    MemoryBackendEpc,

    /// <summary>The value <c>memory-backend-file</c>.</summary>
    [QapiName("memory-backend-file")]
    MemoryBackendFile,

    /// <summary>The value <c>memory-backend-memfd</c>.</summary>
    [QapiName("memory-backend-memfd")]
    MemoryBackendMemfd,

    /// <summary>The value <c>memory-backend-ram</c>.</summary>
    [QapiName("memory-backend-ram")]
    MemoryBackendRam,

    /// <summary>The value <c>pef-guest</c>.</summary>
    [QapiName("pef-guest")]
    PefGuest,

    /// <summary>The value <c>pr-manager-helper</c>.</summary>
    [QapiName("pr-manager-helper")]
    PrManagerHelper,

    /// <summary>The value <c>qtest</c>.</summary>
    [QapiName("qtest")]
    Qtest,

    /// <summary>The value <c>rng-builtin</c>.</summary>
    [QapiName("rng-builtin")]
    RngBuiltin,

    /// <summary>The value <c>rng-egd</c>.</summary>
    [QapiName("rng-egd")]
    RngEgd,

    /// <summary>The value <c>rng-random</c>.</summary>
    [QapiName("rng-random")]
    RngRandom,

    /// <summary>The value <c>secret</c>.</summary>
    [QapiName("secret")]
    Secret,

    /// <summary>The value <c>secret_keyring</c>.</summary>
    [QapiName("secret_keyring")]
    SecretKeyring,

    /// <summary>The value <c>sev-guest</c>.</summary>
    [QapiName("sev-guest")]
    SevGuest,

    /// <summary>The value <c>thread-context</c>.</summary>
    [QapiName("thread-context")]
    ThreadContext,

    /// <summary>The value <c>s390-pv-guest</c>.</summary>
    [QapiName("s390-pv-guest")]
    S390PvGuest,

    /// <summary>The value <c>throttle-group</c>.</summary>
    [QapiName("throttle-group")]
    ThrottleGroup,

    /// <summary>The value <c>tls-creds-anon</c>.</summary>
    [QapiName("tls-creds-anon")]
    TlsCredsAnon,

    /// <summary>The value <c>tls-creds-psk</c>.</summary>
    [QapiName("tls-creds-psk")]
    TlsCredsPsk,

    /// <summary>The value <c>tls-creds-x509</c>.</summary>
    [QapiName("tls-creds-x509")]
    TlsCredsX509,

    /// <summary>The value <c>tls-cipher-suites</c>.</summary>
    [QapiName("tls-cipher-suites")]
    TlsCipherSuites,

    /// <summary>The value <c>x-remote-object</c>.</summary>
    [QapiName("x-remote-object")]
    [QapiFeatures("unstable")]
    XRemoteObject,

    /// <summary>The value <c>x-vfio-user-server</c>.</summary>
    [QapiName("x-vfio-user-server")]
    [QapiFeatures("unstable")]
    XVfioUserServer,
}
