namespace Machina.Qom;

/// <summary>
/// An object that <c>-object</c> and <c>object-add</c> can create and <c>object-del</c> delete
/// (QEMU's <c>user-creatable</c> interface and its <c>UserCreatableClass</c> methods).
/// </summary>
/// <remarks>
/// Creation sets the object's properties from the options, adds it to <c>/objects</c> under its
/// id, then calls <see cref="Complete"/>: the place to check that the properties fit together and
/// to acquire what they describe. An object whose type implements the QOM interface without this
/// C# interface completes with nothing to do and can always be deleted.
/// </remarks>
[QomInterface(TypeNames.UserCreatable)]
public interface IUserCreatable
{
    /// <summary>
    /// Finishes creating the object after its properties are set (QEMU's <c>complete</c>). Throw
    /// <see cref="Machina.Qapi.QapiException"/> to fail the creation; the object is then removed.
    /// </summary>
    void Complete()
    {
    }

    /// <summary>Whether <c>object-del</c> may delete the object now (QEMU's <c>can_be_deleted</c>).</summary>
    bool CanBeDeleted => true;
}
