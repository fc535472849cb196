/* test_inputfile.c: the event files of `heard play --input` — every command, comments,
 * modifiers, clicks and the wheel, and clear errors naming the file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "engine/core/events.h"
#include "engine/core/inputfile.h"

static InputFile *parse(const char *text, char *err, size_t n)
{
    return inputfile_parse(text, strlen(text), "game.txt", err, n);
}

static void test_inputfile_reads_every_command(void **state)
{
    (void)state;
    char err[256] = "";
    InputFile *f = parse("# a comment\n\ntype Hello, wörld  \nkey Return\nkey Ctrl+Shift+Left\n"
                         "key 1\nwait 250\nshot out/x.bmp\r\ntype\n",
                         err, sizeof err);
    assert_non_null(f);
    assert_int_equal(inputfile_count(f), 7);
    const InputCmd *c = inputfile_get(f, 0);
    assert_int_equal(c->kind, IN_TYPE);
    assert_string_equal(c->text, "Hello, wörld  ");
    assert_int_equal(c->line, 3);
    c = inputfile_get(f, 1);
    assert_int_equal(c->kind, IN_KEY);
    assert_int_equal(c->key, KEY_RETURN);
    c = inputfile_get(f, 2);
    assert_int_equal(c->key, KEY_LEFT);
    assert_int_equal(c->mods, MOD_CTRL | MOD_SHIFT);
    assert_int_equal(inputfile_get(f, 3)->key, '1');
    assert_int_equal(inputfile_get(f, 4)->ms, 250);
    assert_string_equal(inputfile_get(f, 5)->text, "out/x.bmp");
    assert_string_equal(inputfile_get(f, 6)->text, ""); /* typing nothing is allowed */
    assert_null(inputfile_get(f, 7));
    inputfile_destroy(f);
}

static void test_inputfile_plus_and_equals_keys(void **state)
{
    (void)state;
    char err[256];
    InputFile *f = parse("key Ctrl+=\nkey Ctrl+-\nkey =\n", err, sizeof err);
    assert_non_null(f);
    assert_int_equal(inputfile_get(f, 0)->key, '=');
    assert_int_equal(inputfile_get(f, 0)->mods, MOD_CTRL);
    assert_int_equal(inputfile_get(f, 1)->key, '-');
    assert_int_equal(inputfile_get(f, 2)->mods, 0);
    inputfile_destroy(f);
}

static void test_inputfile_errors_name_file_and_line(void **state)
{
    (void)state;
    char err[256];
    assert_null(parse("type ok\njump high\n", err, sizeof err));
    assert_non_null(strstr(err, "game.txt:2: unknown command 'jump'"));
    assert_null(parse("key NoSuchKey\n", err, sizeof err));
    assert_non_null(strstr(err, "game.txt:1: unknown key 'NoSuchKey'"));
    assert_null(parse("key Hyper+a\n", err, sizeof err));
    assert_non_null(strstr(err, "game.txt:1:"));
    assert_null(parse("\n\nwait soon\n", err, sizeof err));
    assert_non_null(strstr(err, "game.txt:3: 'wait' takes milliseconds"));
    assert_null(parse("wait -5\n", err, sizeof err));
    assert_null(inputfile_load("/no/such/file.txt", err, sizeof err));
    assert_non_null(strstr(err, "/no/such/file.txt"));
}

static void test_inputfile_click_and_wheel(void **state)
{
    (void)state;
    char err[256] = "";
    InputFile *f = parse("click 640 360\nclick 0 0  \nwheel -3\nwheel 2\n", err, sizeof err);
    assert_non_null(f);
    assert_int_equal(inputfile_count(f), 4);
    const InputCmd *c = inputfile_get(f, 0);
    assert_int_equal(c->kind, IN_CLICK);
    assert_int_equal(c->x, 640);
    assert_int_equal(c->y, 360);
    assert_int_equal(inputfile_get(f, 1)->kind, IN_CLICK);
    assert_int_equal(inputfile_get(f, 1)->x, 0);
    c = inputfile_get(f, 2);
    assert_int_equal(c->kind, IN_WHEEL);
    assert_int_equal(c->y, -3);
    assert_int_equal(inputfile_get(f, 3)->y, 2);
    inputfile_destroy(f);
}

static void test_inputfile_click_and_wheel_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *error;
    } bad[] = {
        {"click 10\n", "game.txt:1: 'click' takes two whole numbers, X and Y in pixels"},
        {"type a\nclick ten 20\n", "game.txt:2: 'click' takes two whole numbers"},
        {"click 10 20 30\n", "game.txt:1: 'click' takes two whole numbers"},
        {"click -1 5\n", "game.txt:1: 'click' takes two whole numbers"},
        {"click\n", "game.txt:1: 'click' takes two whole numbers"},
        {"wheel\n", "game.txt:1: 'wheel' takes the lines to turn"},
        {"wheel 0\n", "game.txt:1: 'wheel' takes the lines to turn, from -100 to 100 and not 0"},
        {"wheel up\n", "not 'up'"},
        {"wheel 101\n", "game.txt:1: 'wheel' takes the lines"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[256] = "";
        InputFile *f = parse(bad[i].text, err, sizeof err);
        if (f || !strstr(err, bad[i].error))
            fail_msg("'%s': expected an error with '%s', got '%s'", bad[i].text, bad[i].error,
                     f ? "(parsed)" : err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inputfile_reads_every_command),
        cmocka_unit_test(test_inputfile_plus_and_equals_keys),
        cmocka_unit_test(test_inputfile_errors_name_file_and_line),
        cmocka_unit_test(test_inputfile_click_and_wheel),
        cmocka_unit_test(test_inputfile_click_and_wheel_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
