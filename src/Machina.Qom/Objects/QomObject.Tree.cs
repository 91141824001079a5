using Machina.Qapi;
using Machina.Qapi.Visitors;

namespace Machina.Qom;

// The composition tree: child properties, links, aliases, paths (QEMU's object_property_add_child,
// object_property_add_link, object_property_add_alias, object_get_canonical_path, object_unparent).
public partial class QomObject
{
    /// <summary>
    /// The name of the child property by which the parent holds this object, or null when it has no
    /// parent (QEMU's <c>object_get_canonical_path_component</c>).
    /// </summary>
    public string? CanonicalPathComponent { get; private set; }

    /// <summary>
    /// The object's absolute path from the root (<c>/objects/sec0</c>; <c>/</c> for the root), or null
    /// when it is not in the tree (QEMU's <c>object_get_canonical_path</c>).
    /// </summary>
    public string? CanonicalPath
    {
        get
        {
            var root = Runtime.Root;
            if (ReferenceEquals(this, root))
            {
                return "/";
            }

            var components = new List<string>();
            for (var obj = this; !ReferenceEquals(obj, root); obj = obj.Parent!)
            {
                if (obj.CanonicalPathComponent is not { } component)
                {
                    return null;
                }

                components.Add(component);
            }

            components.Reverse();
            return "/" + string.Join('/', components);
        }
    }

    /// <summary>The object's children, in the order they were added (QEMU's <c>object_child_foreach</c>).</summary>
    public IEnumerable<QomObject> Children
    {
        get
        {
            foreach (var property in ObjectProperties.Snapshot())
            {
                if (property.IsChild && property.Child is { } child)
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="child"/> as the property <c>child&lt;TYPE&gt;</c> named
    /// <paramref name="name"/>, making this object its parent and taking a reference to it (QEMU's
    /// <c>object_property_try_add_child</c>). A name ending in <c>[*]</c> takes the first free index.
    /// </summary>
    /// <returns>The child property.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="child"/> already has a parent.</exception>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddChild(string name, QomObject child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Parent is not null)
        {
            throw new InvalidOperationException($"{child.Describe()} already has a parent");
        }

        var property = AddProperty(
            name,
            $"child<{child.TypeName}>",
            (_, v, propertyName) =>
            {
                var path = child.CanonicalPath ?? string.Empty;
                v.VisitString(propertyName, ref path);
            },
            null,
            (_, _) => ReleaseChild(child),
            (_, _) => child,
            child);
        child.Ref();
        child.Parent = this;
        child.CanonicalPathComponent = property.Name;
        return property;
    }

    /// <summary>
    /// Creates an object of type <paramref name="typeName"/> and adds it as child
    /// <paramref name="name"/>; the parent then holds its only reference.
    /// </summary>
    /// <returns>The new child.</returns>
    /// <exception cref="QapiException">The type is unknown or abstract, or a property of that name exists.</exception>
    public QomObject AddNewChild(string name, string typeName)
    {
        var child = Runtime.New(typeName);
        try
        {
            AddChild(name, child);
        }
        finally
        {
            child.Unref();
        }

        return child;
    }

    /// <summary>Removes this object from its parent, if it has one (QEMU's <c>object_unparent</c>).</summary>
    public void Unparent()
    {
        if (Parent is { } parent)
        {
            parent.DeleteChild(this);
        }
    }

    /// <summary>
    /// The object that the property <paramref name="part"/> of this object leads to: a child, a
    /// link's target, an alias's (QEMU's <c>object_resolve_path_component</c>); null when there is
    /// no such property or it leads nowhere.
    /// </summary>
    public QomObject? ResolveComponent(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var property = FindProperty(part);
        return property?.Resolver?.Invoke(this, part);
    }

    /// <summary>
    /// Adds a link property to this object alone (QEMU's <c>object_property_add_link</c>); see
    /// <see cref="ObjectClass.AddLinkProperty{TObject}"/> for how links behave.
    /// </summary>
    /// <param name="name">The property's name.</param>
    /// <param name="targetType">The type the target must be.</param>
    /// <param name="getter">Reads the current target.</param>
    /// <param name="setter">Stores a new target (null clears it); may be null for a read-only link.</param>
    /// <param name="check">Vets a new target, or null for a read-only link.</param>
    /// <param name="strong">True when the link holds a reference to its target.</param>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddLinkProperty(string name, string targetType, Func<QomObject?> getter, Action<QomObject?>? setter,
        LinkCheck? check, bool strong = false)
    {
        ArgumentNullException.ThrowIfNull(getter);
        if (check is not null)
        {
            ArgumentNullException.ThrowIfNull(setter);
        }

        var link = new LinkAccessors(_ => getter(), (_, target) => setter!(target), check, strong);
        return AddProperty(name, $"link<{targetType}>", link.Get, check is null ? null : link.Set, link.Release, link.Resolve);
    }

    /// <summary>Adds a read-only link to <paramref name="target"/>, typed as the target's type (QEMU's <c>object_property_add_const_link</c>).</summary>
    /// <exception cref="QapiException">A property of that name exists.</exception>
    public ObjectProperty AddConstLink(string name, QomObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AddLinkProperty(name, target.TypeName, () => target, null, null);
    }

    /// <summary>
    /// Adds property <paramref name="name"/> that stands for property <paramref name="targetName"/> of
    /// <paramref name="target"/>: reads, writes and path resolution go to the target, and it shows the
    /// target's type (a child shows as a link), description and default (QEMU's <c>object_property_add_alias</c>).
    /// </summary>
    /// <exception cref="QapiException"><paramref name="target"/> has no property <paramref name="targetName"/>, or this object has one named <paramref name="name"/>.</exception>
    public ObjectProperty AddAlias(string name, QomObject target, string targetName)
    {
        ArgumentNullException.ThrowIfNull(target);
        var targetProperty = target.GetProperty(targetName);
        var type = targetProperty.IsChild ? "link" + targetProperty.Type["child".Length..] : targetProperty.Type;

        var property = AddProperty(
            name,
            type,
            (_, v, aliasName) => target.GetProperty(targetName, new ForwardFieldVisitor(v, targetName, aliasName)),
            (_, v, aliasName) => target.SetProperty(targetName, new ForwardFieldVisitor(v, targetName, aliasName)),
            null,
            (_, _) => target.ResolveComponent(targetName));
        property.ShowDefault(targetProperty.DefaultValue);
        property.Description = targetProperty.Description;
        return property;
    }

    // QEMU's object_property_del_child: release first (the child's unparent hook may change this
    // object's properties), then remove the property if it is still there.
    private void DeleteChild(QomObject child)
    {
        foreach (var property in ObjectProperties.Snapshot())
        {
            if (property.IsChild && ReferenceEquals(property.Child, child))
            {
                property.RunRelease(this);
                ObjectProperties.Remove(property);
                return;
            }
        }
    }

    private static void ReleaseChild(QomObject child)
    {
        child.OnUnparent();
        child.Parent = null;
        child.CanonicalPathComponent = null;
        child.Unref();
    }
}
