/* binary_test.c: the helpers of binary_test.h. libc (POSIX popen, mkdtemp) and cmocka. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "tests/support/binary_test.h"

#define SAVED_TO "Session saved to "
#define TWO_ROUNDS "tests/data/play/microwave-two-rounds.txt"

const char *bt_bin(void)
{
    const char *b = getenv("HEARD_BIN");
    return b ? b : "./build/heard";
}

int bt_tmpdir_create(char *buf, size_t n, const char *name)
{
    int len = snprintf(buf, n, "/tmp/heard-%s-XXXXXX", name);
    if (len < 0 || (size_t)len >= n)
        return -1;
    return mkdtemp(buf) ? 0 : -1;
}

int bt_rmrf(const char *dir)
{
    /* The path goes to the shell inside single quotes, which cannot hold one. */
    if (!dir[0] || strchr(dir, '\''))
        return -1;
    size_t n = strlen(dir) + sizeof "rm -rf ''";
    char *cmd = malloc(n);
    if (!cmd)
        return -1;
    snprintf(cmd, n, "rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    return rc == 0 ? 0 : -1;
}

int bt_run(const char *cmd, char *out, size_t n)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t len = fread(out, 1, n - 1, p);
    out[len] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void bt_copy_input(const char *src, const char *dst, const char *shots_dir)
{
    FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
    assert_non_null(in);
    assert_non_null(out);
    char line[1024];
    while (fgets(line, sizeof line, in)) {
        char *at = strstr(line, "SHOTS");
        if (at) {
            *at = '\0';
            fprintf(out, "%s%s%s", line, shots_dir, at + 5);
        } else {
            fputs(line, out);
        }
    }
    fclose(in);
    fclose(out);
}

void bt_bmp_size(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char hdr[26];
    assert_int_equal(fread(hdr, 1, sizeof hdr, f), sizeof hdr);
    fclose(f);
    assert_true(hdr[0] == 'B' && hdr[1] == 'M');
    *w = hdr[18] | hdr[19] << 8 | hdr[20] << 16 | hdr[21] << 24;
    int32_t hh = (int32_t)(hdr[22] | hdr[23] << 8 | hdr[24] << 16 | (uint32_t)hdr[25] << 24);
    *h = hh < 0 ? -hh : hh;
}

static uint32_t le32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

int bt_bmp_row(const char *path, int y, unsigned *out, int n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char hdr[30];
    assert_int_equal(fread(hdr, 1, sizeof hdr, f), sizeof hdr);
    assert_true(hdr[0] == 'B' && hdr[1] == 'M');
    int bpp = hdr[28] | hdr[29] << 8;
    assert_true(bpp == 24 || bpp == 32);
    int w = (int)le32(hdr + 18), h = (int)(int32_t)le32(hdr + 22);
    int bottom_up = h > 0, rows = bottom_up ? h : -h;
    assert_true(y >= 0 && y < rows && w > 0);
    long stride = ((long)w * bpp + 31) / 32 * 4;
    long row = bottom_up ? rows - 1 - y : y;
    assert_int_equal(fseek(f, (long)le32(hdr + 10) + row * stride, SEEK_SET), 0);
    unsigned char *px = malloc((size_t)stride);
    assert_non_null(px);
    assert_int_equal(fread(px, 1, (size_t)stride, f), (size_t)stride);
    fclose(f);
    for (int x = 0; x < w && x < n; x++) { /* blue, green, red in each pixel */
        const unsigned char *p = px + (long)x * (bpp / 8);
        out[x] = (unsigned)p[2] << 16 | (unsigned)p[1] << 8 | p[0];
    }
    free(px);
    return w;
}

void bt_png_size(const char *path, int *w, int *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char hdr[24];
    assert_int_equal(fread(hdr, 1, sizeof hdr, f), sizeof hdr);
    fclose(f);
    assert_memory_equal(hdr, sig, sizeof sig);
    assert_memory_equal(hdr + 12, "IHDR", 4);
    *w = (int)((uint32_t)hdr[16] << 24 | hdr[17] << 16 | hdr[18] << 8 | hdr[19]);
    *h = (int)((uint32_t)hdr[20] << 24 | hdr[21] << 16 | hdr[22] << 8 | hdr[23]);
}

/* Finds "Session saved to PATH" in OUT and writes PATH into SAVED; 0, or -1 when absent. */
static int saved_path(const char *out, char *saved, size_t n)
{
    const char *at = strstr(out, SAVED_TO);
    if (!at)
        return -1;
    snprintf(saved, n, "%s", at + strlen(SAVED_TO));
    saved[strcspn(saved, "\n")] = '\0';
    return 0;
}

int bt_play_two_rounds(const char *dir, const char *extra, char *saved, size_t n, char *out,
                       size_t out_n)
{
    char input[1024], cmd[4096];
    snprintf(input, sizeof input, "%s/input.txt", dir);
    bt_copy_input(TWO_ROUNDS, input, dir);
    int len = snprintf(cmd, sizeof cmd,
                       "%s play microwave --headless %s --input %s --data-dir %s/data 2>&1",
                       bt_bin(), extra, input, dir);
    if (len < 0 || (size_t)len >= sizeof cmd) {
        snprintf(out, out_n, "command too long: %s", cmd);
        return -1;
    }
    if (bt_run(cmd, out, out_n) != 0)
        return -1;
    return saved_path(out, saved, n);
}
