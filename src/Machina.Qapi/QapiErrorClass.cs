using Machina.Qapi.Visitors;

namespace Machina.Qapi;

/// <summary>
/// The class of a QAPI error, as QMP reports it in <c>{"error": {"class": ...}}</c>
/// (the schema's <c>QapiErrorClass</c>, qapi/error.json). Nearly every error is
/// <see cref="GenericError"/>; the others exist for compatibility with old clients.
/// </summary>
[QapiName("QapiErrorClass")]
public enum QapiErrorClass
{
    /// <summary>Every error without a more specific class.</summary>
    [QapiName("GenericError")]
    GenericError,

    /// <summary>The requested command has not been found.</summary>
    [QapiName("CommandNotFound")]
    CommandNotFound,

    /// <summary>A device has failed to be become active.</summary>
    [QapiName("DeviceNotActive")]
    DeviceNotActive,

    /// <summary>The requested device has not been found.</summary>
    [QapiName("DeviceNotFound")]
    DeviceNotFound,

    /// <summary>The requested operation can't be fulfilled because a required KVM capability is missing.</summary>
    [QapiName("KVMMissingCap")]
    KVMMissingCap,
}
