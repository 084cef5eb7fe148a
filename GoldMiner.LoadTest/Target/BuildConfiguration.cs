using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace GoldMiner.LoadTest.Target;

/// <summary>Which configuration a server assembly was built in, read from its metadata without loading it.</summary>
internal static class BuildConfiguration
{
    /// <summary>The [AssemblyConfiguration] the SDK stamps ("Release", "Debug"), or null when there is none.</summary>
    public static string? Of(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var type = metadata.GetTypeReference((TypeReferenceHandle)metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent);
            if (metadata.GetString(type.Name) == "AssemblyConfigurationAttribute")
            {
                // The blob: prolog 0x0001, then the one string argument.
                var value = metadata.GetBlobReader(attribute.Value);
                value.ReadUInt16();
                return value.ReadSerializedString();
            }
        }

        return null;
    }
}
