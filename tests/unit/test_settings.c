/* test_settings.c: the settings file (game/settings/settings.h) on real files: a first run
 * has the defaults and no message; what is saved is read back; a damaged file, or a field of
 * the wrong kind or out of range, gives a message naming the file (and the line) and the
 * defaults for what could not be read, and saving writes the file whole again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/settings/settings.h"

static char dir[] = "/tmp/heard-test-settings-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void write_settings(const char *text)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/settings.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_settings_first_run_then_saved_and_read_back(void **state)
{
    (void)state;
    Settings s;
    char msg[700] = "x";
    assert_int_equal(settings_load(dir, &s, msg, sizeof msg), 0);
    assert_string_equal(msg, "");
    assert_false(s.high_contrast);
    assert_true(s.text_size == 1.0f);
    assert_string_equal(s.names[0], "");
    s.high_contrast = 1;
    s.text_size = 1.3225f;
    snprintf(s.names[0], sizeof s.names[0], "Zoë");
    snprintf(s.names[1], sizeof s.names[1], "Łukasz");
    assert_int_equal(settings_save(dir, &s, msg, sizeof msg), 0);
    Settings back;
    assert_int_equal(settings_load(dir, &back, msg, sizeof msg), 0);
    assert_true(back.high_contrast);
    assert_true(back.text_size > 1.32f && back.text_size < 1.33f);
    assert_string_equal(back.names[0], "Zoë");
    assert_string_equal(back.names[1], "Łukasz");
}

static void test_settings_damage_is_named_and_the_defaults_stand(void **state)
{
    (void)state;
    Settings s;
    char msg[700];
    write_settings("{\"high_contrast\": true,\n \"text_size\": ");
    assert_int_equal(settings_load(dir, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "/settings.json:2:"));
    assert_non_null(strstr(msg, "using the defaults"));
    assert_false(s.high_contrast); /* nothing half-read */
    write_settings("[1, 2]");
    assert_int_equal(settings_load(dir, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "not a settings file"));
    /* fields of the wrong kind: each named, the rest kept */
    write_settings("{\"high_contrast\": \"yes\", \"text_size\": 9, \"names\": [\"Ann\", \"Bo\"],"
                   " \"colour\": \"blue\"}");
    assert_int_equal(settings_load(dir, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "high_contrast must be true or false"));
    assert_non_null(strstr(msg, "text_size must be a number from 0.7 to 2.5"));
    assert_false(s.high_contrast);
    assert_true(s.text_size == 1.0f);
    assert_string_equal(s.names[1], "Bo"); /* what was right is kept */
    write_settings("{\"names\": [\"a\", \"b\", \"c\"]}");
    assert_int_equal(settings_load(dir, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "at most two names"));
    /* saving writes it whole again */
    assert_int_equal(settings_save(dir, &s, msg, sizeof msg), 0);
    assert_int_equal(settings_load(dir, &s, msg, sizeof msg), 0);
    /* a folder that cannot be written says where */
    assert_int_equal(settings_save("/proc/no/such/folder", &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "/proc/no/such/folder/settings.json"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings_first_run_then_saved_and_read_back),
        cmocka_unit_test(test_settings_damage_is_named_and_the_defaults_stand),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
