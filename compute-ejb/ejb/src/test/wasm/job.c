// A WASI test program with one mode per argv[1]; every mode prints what it saw so that tests can check it.
// Built by build.sh with clang --target=wasm32-wasi (and natively for the bench's anchor).
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int args(int argc, char **argv) {
    for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
    return 0;
}

static int env(int argc, char **argv) {
    for (int i = 2; i < argc; i++) {
        const char *v = getenv(argv[i]);
        printf("%s=%s\n", argv[i], v ? v : "<unset>");
    }
    return 0;
}

// copy SRC DST: the bytes of SRC into DST
static int copy(const char *src, const char *dst) {
    FILE *in = fopen(src, "rb");
    if (!in) { fprintf(stderr, "open %s: %s\n", src, strerror(errno)); return 2; }
    FILE *out = fopen(dst, "wb");
    if (!out) { fprintf(stderr, "create %s: %s\n", dst, strerror(errno)); return 2; }
    char buf[4096];
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) { fwrite(buf, 1, n, out); total += n; }
    fclose(in);
    fclose(out);
    printf("copied %zu bytes\n", total);
    return 0;
}

// write PATH: exit 0 when PATH could be written, 3 (and the reason on stderr) when it could not
static int write_file(const char *path) {
    FILE *f = fopen(path, "w");
    if (!f) { fprintf(stderr, "write %s denied: %s\n", path, strerror(errno)); return 3; }
    fputs("written\n", f);
    fclose(f);
    printf("wrote %s\n", path);
    return 0;
}

static int list(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) { printf("ls %s: %s\n", dir, strerror(errno)); return 2; }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) printf("%s\n", e->d_name);
    }
    closedir(d);
    return 0;
}

// alloc MIB: allocate and touch MIB MiB in 1 MiB steps; 12 when the allocator runs dry. The blocks are kept
// in a volatile array so that the optimiser cannot drop the allocations.
static char *volatile kept[4096];

static int alloc(int mib) {
    for (int i = 0; i < mib && i < 4096; i++) {
        char *p = malloc(1 << 20);
        if (!p) { fprintf(stderr, "out of memory after %d MiB\n", i); return 12; }
        memset(p, i, 1 << 20);
        kept[i] = p;
    }
    printf("allocated %d MiB\n", mib);
    return 0;
}

// primes N: the sum of the primes below N by trial division (CPU-bound, for the bench)
static int primes(long n) {
    long long sum = 0;
    for (long i = 2; i < n; i++) {
        int prime = 1;
        for (long d = 2; d * d <= i; d++) if (i % d == 0) { prime = 0; break; }
        if (prime) sum += i;
    }
    printf("%lld\n", sum);
    return 0;
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "hello";
    if (!strcmp(mode, "hello")) { printf("hello from wasm\n"); return 0; }
    if (!strcmp(mode, "args")) return args(argc, argv);
    if (!strcmp(mode, "env")) return env(argc, argv);
    if (!strcmp(mode, "stderr")) { fprintf(stderr, "to stderr\n"); printf("to stdout\n"); return 0; }
    if (!strcmp(mode, "copy") && argc > 3) return copy(argv[2], argv[3]);
    if (!strcmp(mode, "write") && argc > 2) return write_file(argv[2]);
    if (!strcmp(mode, "ls") && argc > 2) return list(argv[2]);
    if (!strcmp(mode, "exit") && argc > 2) exit(atoi(argv[2]));
    if (!strcmp(mode, "spin")) { volatile unsigned long i = 0; for (;;) i++; }
    if (!strcmp(mode, "trap")) __builtin_trap();
    if (!strcmp(mode, "alloc") && argc > 2) return alloc(atoi(argv[2]));
    if (!strcmp(mode, "primes") && argc > 2) return primes(atol(argv[2]));
    fprintf(stderr, "unknown mode %s\n", mode);
    return 64;
}
