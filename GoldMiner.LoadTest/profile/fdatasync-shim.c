/*
 * For measuring only (docs/performance.md, round 13): the SQLite bundled with the server
 * (SQLitePCLRaw's e_sqlite3) is built without HAVE_FDATASYNC, so every WAL commit calls fsync(),
 * which also writes the file's inode whenever its timestamps moved. Preloaded into a started
 * server, this turns those calls into fdatasync(), the call a SQLite built by its own configure
 * script makes, so the two can be compared on one disk:
 *
 *   gcc -shared -fPIC -O2 -o /tmp/fdatasync-shim.so GoldMiner.LoadTest/profile/fdatasync-shim.c
 *   $LT paced --rooms 5000 --server-env LD_PRELOAD=/tmp/fdatasync-shim.so
 *
 * It changes every fsync() in the process, so it is never for a deployment.
 */
#include <unistd.h>

int fsync(int fd)
{
    return fdatasync(fd);
}
