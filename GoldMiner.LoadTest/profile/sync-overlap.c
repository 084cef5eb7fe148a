/*
 * For measuring only (docs/performance.md, round 15): do two fdatasync() calls on one file run at
 * once on this disk, or one after the other? The journal's commits wait on one sync at a time; a
 * design that let a second batch start its sync while the first's is in flight (round 13's
 * NORMAL-plus-own-fdatasync) only pays if the disk overlaps them.
 *
 * Each thread writes 8 KiB at its own offset, then fdatasync()s the file, ITERATIONS times. With
 * one thread the syncs are serial by construction; with two, a rate near twice one thread's means
 * the device overlapped them.
 *
 *   gcc -O2 -pthread -o /tmp/sync-overlap GoldMiner.LoadTest/profile/sync-overlap.c
 *   /tmp/sync-overlap 1 3000 /var/tmp/sync-overlap.dat
 *   /tmp/sync-overlap 2 3000 /var/tmp/sync-overlap.dat
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { MAX_THREADS = 2, MAX_ITERATIONS = 100000, WRITE_BYTES = 8192 };
static const long FILE_BYTES = 64L * 1024 * 1024;

static int fd;
static int iterations;
static long next_offset;
static pthread_mutex_t offset_lock = PTHREAD_MUTEX_INITIALIZER;
static double latencies[MAX_THREADS * MAX_ITERATIONS];

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* Offsets advance through the file so no two writes share a page, as WAL frames do not. */
static long take_offset(void)
{
    pthread_mutex_lock(&offset_lock);
    long offset = next_offset;
    next_offset = (next_offset + WRITE_BYTES) % FILE_BYTES;
    pthread_mutex_unlock(&offset_lock);
    return offset;
}

static void *write_and_sync(void *arg)
{
    long thread = (long)arg;
    char buffer[WRITE_BYTES];
    memset(buffer, 'a' + (int)thread, sizeof buffer);
    for (int i = 0; i < iterations; i++) {
        double start = now();
        if (pwrite(fd, buffer, sizeof buffer, take_offset()) != sizeof buffer || fdatasync(fd) != 0) {
            perror("pwrite/fdatasync");
            exit(1);
        }
        latencies[thread * iterations + i] = now() - start;
    }
    return NULL;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s THREADS(1-2) ITERATIONS FILE\n", argv[0]);
        return 2;
    }
    int threads = atoi(argv[1]);
    iterations = atoi(argv[2]);
    if (threads < 1 || threads > MAX_THREADS || iterations < 1 || iterations > MAX_ITERATIONS) {
        fprintf(stderr, "THREADS must be 1 or 2, ITERATIONS 1-%d\n", MAX_ITERATIONS);
        return 2;
    }
    fd = open(argv[3], O_RDWR | O_CREAT, 0644);
    /* The file is allocated and synced first, so the measured syncs carry data, not its size. */
    if (fd < 0 || ftruncate(fd, FILE_BYTES) != 0 || fsync(fd) != 0) {
        perror(argv[3]);
        return 1;
    }

    pthread_t workers[MAX_THREADS];
    double start = now();
    for (long t = 0; t < threads; t++) {
        pthread_create(&workers[t], NULL, write_and_sync, (void *)t);
    }
    for (int t = 0; t < threads; t++) {
        pthread_join(workers[t], NULL);
    }
    double elapsed = now() - start;

    int count = threads * iterations;
    qsort(latencies, count, sizeof latencies[0], by_value);
    printf("threads %d: %.0f syncs/s, write+fdatasync p50 %.3f ms, p99 %.3f ms\n",
           threads, count / elapsed, latencies[count / 2] * 1e3, latencies[count * 99 / 100] * 1e3);
    close(fd);
    return 0;
}
