/* test_limits.c: the one check of a text against a limit (length, NUL, UTF-8, with the
 * message a player or coach reads), and the whole-file reader that takes regular files only,
 * up to a limit: a FIFO, a device and a folder are refused at once, without reading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/file.h"
#include "engine/core/limits.h"

static void test_limits_text_within(void **state)
{
    (void)state;
    char msg[200] = "x";
    size_t at = 0;
    char text[LIMITS_TEXT_MAX];
    memset(text, 'a', sizeof text);
    assert_int_equal(
        limits_check_text(text, sizeof text, LIMITS_TEXT_MAX, "the reply", msg, sizeof msg, &at),
        LIMITS_OK);
    assert_string_equal(msg, "");
    assert_int_equal(at, sizeof text);
    assert_int_equal(limits_check_text("caf\xC3\xA9", 5, 5, "w", NULL, 0, NULL), LIMITS_OK);
}

static void test_limits_text_too_long(void **state)
{
    (void)state;
    char msg[200];
    size_t at = 0;
    char *text = malloc(600000);
    assert_non_null(text);
    memset(text, 'a', 600000);
    assert_int_equal(
        limits_check_text(text, 600000, LIMITS_TEXT_MAX, "the reply", msg, sizeof msg, &at),
        LIMITS_ERR_LONG);
    assert_string_equal(msg, "the reply is 600,000 bytes long; at most 2,000 bytes fit (about "
                             "300 words)");
    assert_int_equal(at, LIMITS_TEXT_MAX);
    /* one byte over is over */
    assert_int_equal(
        limits_check_text(text, LIMITS_TEXT_MAX + 1, LIMITS_TEXT_MAX, "r", NULL, 0, NULL),
        LIMITS_ERR_LONG);
    free(text);
}

static void test_limits_text_nul_and_bytes(void **state)
{
    (void)state;
    char msg[200];
    size_t at = 0;
    assert_int_equal(limits_check_text("ab\0cd", 5, 100, "the note", msg, sizeof msg, &at),
                     LIMITS_ERR_NUL);
    assert_string_equal(msg, "the note holds a NUL byte (at byte 3)");
    assert_int_equal(at, 2);
    assert_int_equal(limits_check_text("caf\xE9!", 5, 100, "the note", msg, sizeof msg, &at),
                     LIMITS_ERR_UTF8);
    assert_string_equal(msg, "the note is not UTF-8 text (byte 0xE9 at byte 4)");
    assert_int_equal(at, 3);
    /* an overlong form and a surrogate are not UTF-8 either */
    assert_int_equal(limits_check_text("\xC0\xAF", 2, 100, "t", NULL, 0, NULL), LIMITS_ERR_UTF8);
    assert_int_equal(limits_check_text("\xED\xA0\x80", 3, 100, "t", NULL, 0, NULL),
                     LIMITS_ERR_UTF8);
}

static void test_limits_formats(void **state)
{
    (void)state;
    char b[32];
    assert_string_equal(limits_format_count(0, b, sizeof b), "0");
    assert_string_equal(limits_format_count(999, b, sizeof b), "999");
    assert_string_equal(limits_format_count(1000, b, sizeof b), "1,000");
    assert_string_equal(limits_format_count(1234567, b, sizeof b), "1,234,567");
    assert_string_equal(limits_format_size(LIMITS_SOURCE_MAX, b, sizeof b), "512 KiB");
    assert_string_equal(limits_format_size(LIMITS_LINE_MAX, b, sizeof b), "8 MiB");
    assert_string_equal(limits_format_size(2000, b, sizeof b), "2,000 bytes");
}

/* Two sources at their limit fit one session line even when every byte is written as a
 * six-byte JSON escape: the writer's and the reader's limit can never refuse a header. */
static void test_limits_sources_fit_a_line(void **state)
{
    (void)state;
    assert_true(2 * 6 * LIMITS_SOURCE_MAX + 64 * 1024 < LIMITS_LINE_MAX);
    assert_true(6 * LIMITS_NOTE_MAX + 64 * 1024 < LIMITS_LINE_MAX);
}

static char dir[] = "/tmp/heard-limits-XXXXXX";

static void test_file_regular_only(void **state)
{
    (void)state;
    char path[128], why[200], *out = (char *)1;
    size_t len = 0;
    /* a FIFO with no writer: opening it for reading would wait forever */
    snprintf(path, sizeof path, "%s/pipe.lua", dir);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_int_equal(file_read_capped(path, 1000, &out, &len, why, sizeof why),
                     FILE_ERR_NOT_REGULAR);
    assert_null(out);
    assert_string_equal(why, "it is a FIFO (a named pipe), not a regular file");
    /* a device that never ends */
    assert_int_equal(file_read_capped("/dev/zero", 1000, &out, &len, why, sizeof why),
                     FILE_ERR_NOT_REGULAR);
    assert_string_equal(why, "it is a device, not a regular file");
    assert_int_equal(file_read_capped(dir, 1000, &out, &len, why, sizeof why),
                     FILE_ERR_NOT_REGULAR);
    assert_string_equal(why, "it is a folder, not a regular file");
    errno = 0;
    assert_null(file_read("/dev/zero", &len));
    assert_int_equal(errno, EINVAL);
    snprintf(path, sizeof path, "%s/missing.lua", dir);
    assert_int_equal(file_read_capped(path, 1000, &out, &len, why, sizeof why), FILE_ERR_OPEN);
    assert_string_equal(why, "No such file or directory");
}

static void test_file_size_limit(void **state)
{
    (void)state;
    char path[128], why[200], *out = NULL;
    size_t len = 0;
    snprintf(path, sizeof path, "%s/big.lua", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 3000; i++)
        fputc('x', f);
    fclose(f);
    assert_int_equal(file_read_capped(path, 2999, &out, &len, why, sizeof why), FILE_ERR_TOO_BIG);
    assert_null(out);
    assert_string_equal(why, "it is 3,000 bytes; the limit is 2,999 bytes");
    assert_int_equal(file_read_capped(path, 3000, &out, &len, why, sizeof why), FILE_OK);
    assert_int_equal(len, 3000);
    assert_int_equal(out[3000], '\0');
    free(out);
    assert_int_equal(unlink(path), 0);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limits_text_within),
        cmocka_unit_test(test_limits_text_too_long),
        cmocka_unit_test(test_limits_text_nul_and_bytes),
        cmocka_unit_test(test_limits_formats),
        cmocka_unit_test(test_limits_sources_fit_a_line),
        cmocka_unit_test(test_file_regular_only),
        cmocka_unit_test(test_file_size_limit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
