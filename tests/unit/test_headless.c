/* test_headless.c: the heard binary as a user runs it — help and version, the headless
 * title screen and its screenshot at the window's size, and a broken scenario that must not
 * stop the title screen. Runs the real binary under SDL's dummy video driver. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[256];

/* Runs CMD with the shell, capturing up to N bytes of its output in OUT. Returns the exit
 * status. */
static int run(const char *cmd, char *out, size_t n)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t len = fread(out, 1, n - 1, p);
    out[len] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const char *bin(void)
{
    const char *b = getenv("HEARD_BIN");
    return b ? b : "./build/heard";
}

/* Reads a BMP's width and height from its header. */
static void bmp_size(const char *path, int *w, int *h)
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

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/heard-headless-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void test_headless_help_and_version(void **state)
{
    (void)state;
    char cmd[512], out[4096];
    snprintf(cmd, sizeof cmd, "%s --help", bin());
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "Usage: heard"));
    assert_non_null(strstr(out, "--headless"));
    snprintf(cmd, sizeof cmd, "%s --version", bin());
    assert_int_equal(run(cmd, out, sizeof out), 0);
    assert_true(strncmp(out, "heard ", 6) == 0);
    snprintf(cmd, sizeof cmd, "%s --no-such-option 2>&1", bin());
    assert_int_equal(run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "--no-such-option"));
    snprintf(cmd, sizeof cmd, "%s --frames abc 2>&1", bin());
    assert_int_equal(run(cmd, out, sizeof out), 2);
}

static void test_headless_title_screenshot_has_window_size(void **state)
{
    (void)state;
    char cmd[1024], out[4096], shot[512];
    snprintf(shot, sizeof shot, "%s/title.bmp", tmpdir);
    snprintf(cmd, sizeof cmd, "%s --headless --frames 3 --screenshot %s --data-dir %s/data 2>&1",
             bin(), shot, tmpdir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    int w, h;
    bmp_size(shot, &w, &h);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
    snprintf(cmd, sizeof cmd,
             "%s --headless --frames 2 --size 800x600 --screenshot %s --data-dir %s/data 2>&1",
             bin(), shot, tmpdir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    bmp_size(shot, &w, &h);
    assert_int_equal(w, 800);
    assert_int_equal(h, 600);
}

/* A copy of scripts/ and assets/ with one broken scenario added. */
static void make_root_with_broken_scenario(char *root, size_t n)
{
    snprintf(root, n, "%s/root", tmpdir);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp -r scripts assets %s/", root, root);
    assert_int_equal(system(cmd), 0);
    char path[600];
    snprintf(path, sizeof path, "%s/scripts/scenarios/zz_broken.lua", root);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("return {\n  id = 'broken',\n  title = 'Broken'\n  description = 'missing comma'\n}\n",
          f);
    fclose(f);
}

static void test_headless_broken_scenario_still_shows_title(void **state)
{
    (void)state;
    char root[512], cmd[2048], out[4096], shot[512];
    make_root_with_broken_scenario(root, sizeof root);
    snprintf(shot, sizeof shot, "%s/broken.bmp", tmpdir);
    snprintf(cmd, sizeof cmd,
             "HEARD_ROOT=%s %s --headless --frames 3 --screenshot %s --data-dir %s/data 2>&1",
             root, bin(), shot, tmpdir);
    assert_int_equal(run(cmd, out, sizeof out), 0);
    int w, h;
    bmp_size(shot, &w, &h);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
}

static void test_headless_missing_font_falls_back_or_explains(void **state)
{
    (void)state;
    char root[512], cmd[2048], out[4096];
    snprintf(root, sizeof root, "%s/nofont", tmpdir);
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp -r scripts %s/", root, root);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=%s %s --headless --frames 1 --data-dir %s/data 2>&1",
             root, bin(), tmpdir);
    int rc = run(cmd, out, sizeof out);
    struct stat st;
    if (stat("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", &st) == 0) {
        /* The system copy of the same font stands in, and the player is told. */
        assert_int_equal(rc, 0);
        assert_non_null(strstr(out, "assets/fonts/DejaVuSans.ttf"));
    } else {
        assert_int_equal(rc, 2);
        assert_non_null(strstr(out, "could not open the font"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headless_help_and_version),
        cmocka_unit_test(test_headless_title_screenshot_has_window_size),
        cmocka_unit_test(test_headless_broken_scenario_still_shows_title),
        cmocka_unit_test(test_headless_missing_font_falls_back_or_explains),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
