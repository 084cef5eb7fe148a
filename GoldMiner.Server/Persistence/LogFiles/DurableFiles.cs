using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GoldMiner.Server.Persistence.LogFiles;

/// <summary>Forcing the log's writes, and its folder's entries, to the disk.</summary>
internal static partial class DurableFiles
{
    /// <summary>
    /// The file's data on the disk before this returns. fdatasync, not fsync, on Linux: the log
    /// writes into blocks written before (<see cref="JournalLog"/> zeroes ahead), so nothing but
    /// data needs to reach the disk, where fsync would also flush the modification time each time.
    /// </summary>
    public static void SyncData(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(file);
            return;
        }

        if (fdatasync((int)file.DangerousGetHandle()) != 0)
        {
            throw new IOException($"fdatasync of the journal log failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>
    /// A file created or renamed in <paramref name="directory"/> survives a power cut only once the
    /// folder itself is synced. Windows has no such step (and no way to open a folder for it).
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the journal log folder '{directory}' (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"fsync of the journal log folder '{directory}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fdatasync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
