/* test_install.c: Heard installed like a desktop program. `cmake --install` of the build
 * under test into a temporary prefix puts the binary, the scripts, the fonts, the menu
 * entry, the icons, the manual page and the docs where Debian expects them; the installed
 * binary, run from another folder with no HEARD_ROOT, reads its data from PREFIX/share/heard
 * (a scenario that exists only in the installed copy can be played; the fonts are its own,
 * with no warning) and plays a whole session; moved to another prefix, it follows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/support/binary_test.h"
#include "tests/support/screen_text.h"

static char tmpdir[256], prefix[512], elsewhere[512];
static char out[16384];

/* The build folder to install from: $HEARD_BUILD_DIR (ctest sets it), else the folder of
 * the binary under test. */
static void build_dir(char *buf, size_t n)
{
    const char *env = getenv("HEARD_BUILD_DIR");
    if (env && *env) {
        snprintf(buf, n, "%s", env);
        return;
    }
    snprintf(buf, n, "%s", bt_bin());
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
}

static int setup(void **state)
{
    (void)state;
    if (bt_tmpdir_create(tmpdir, sizeof tmpdir, "install") != 0)
        return -1;
    snprintf(prefix, sizeof prefix, "%s/prefix", tmpdir);
    snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere", tmpdir);
    if (mkdir(elsewhere, 0755) != 0)
        return -1;
    char build[1024], cmd[4096];
    build_dir(build, sizeof build);
    const char *cmake = getenv("HEARD_CMAKE");
    snprintf(cmd, sizeof cmd, "'%s' --install '%s' --prefix '%s' 2>&1",
             cmake && *cmake ? cmake : "cmake", build, prefix);
    if (bt_run(cmd, out, sizeof out) != 0) {
        fprintf(stderr, "install failed: %s\n%s\n", cmd, out);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

/* Fails the test unless PREFIX/REL is a file of at least MIN bytes. */
static void installed(const char *rel, long min)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", prefix, rel);
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < min)
        fail_msg("not installed: %s", path);
}

/* Runs the installed binary from the folder ELSEWHERE, without HEARD_ROOT, with ARGS;
 * returns its exit status, its output (stderr too) in OUT. */
static int run_installed(const char *bin_prefix, const char *args)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "cd '%s' && env -u HEARD_ROOT '%s/bin/heard' %s 2>&1", elsewhere,
             bin_prefix, args);
    return bt_run(cmd, out, sizeof out);
}

static void test_install_puts_each_file_where_debian_expects_it(void **state)
{
    (void)state;
    installed("bin/heard", 10000);
    char bin[600];
    snprintf(bin, sizeof bin, "%s/bin/heard", prefix);
    assert_int_equal(access(bin, X_OK), 0);
    installed("share/heard/scripts/scenarios/microwave.lua", 100);
    installed("share/heard/scripts/rules/default.lua", 100);
    installed("share/heard/scripts/lib/floor.lua", 100);
    installed("share/heard/scripts/lexicon/feelings.lua", 100);
    installed("share/heard/assets/fonts/DejaVuSans.ttf", 100000);
    installed("share/heard/assets/fonts/DejaVuSans-Bold.ttf", 100000);
    installed("share/applications/heard.desktop", 50);
    installed("share/icons/hicolor/scalable/apps/heard.svg", 200);
    installed("share/man/man6/heard.6", 500);
    installed("share/doc/heard/README.md", 1000);
    installed("share/doc/heard/docs/testing.md", 1000);
    installed("share/doc/heard/docs/scenarios.md", 1000);
    installed("share/doc/heard/LICENSE.fonts", 100);
    static const struct {
        const char *rel;
        int size;
    } pngs[] = {{"share/icons/hicolor/256x256/apps/heard.png", 256},
                {"share/icons/hicolor/48x48/apps/heard.png", 48}};
    for (size_t i = 0; i < 2; i++) {
        char path[1024];
        int w, h;
        snprintf(path, sizeof path, "%s/%s", prefix, pngs[i].rel);
        bt_png_size(path, &w, &h);
        assert_int_equal(w, pngs[i].size);
        assert_int_equal(h, pngs[i].size);
    }
    /* The menu entry starts heard with its icon, and passes desktop-file-validate. */
    char path[1024], cmd[2048];
    snprintf(path, sizeof path, "%s/share/applications/heard.desktop", prefix);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t n = fread(out, 1, sizeof out - 1, f);
    out[n] = '\0';
    fclose(f);
    assert_non_null(strstr(out, "\nExec=heard\n"));
    assert_non_null(strstr(out, "\nIcon=heard\n"));
    assert_non_null(strstr(out, "\nCategories=Game;"));
    snprintf(cmd, sizeof cmd, "desktop-file-validate '%s' 2>&1", path);
    if (system("command -v desktop-file-validate > /dev/null 2>&1") == 0 &&
        bt_run(cmd, out, sizeof out) != 0)
        fail_msg("desktop-file-validate: %s", out);
}

/* Only the installed copy holds this scenario: a copy of the microwave with its own id and
 * title. */
static void add_installed_only_scenario(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "sed -e 's/id = \"microwave\"/id = \"installed_only\"/' "
             "-e 's/title = \"The microwave and the toaster\"/title = \"Only in the installed "
             "copy\"/' '%s/share/heard/scripts/scenarios/microwave.lua' > "
             "'%s/share/heard/scripts/scenarios/installed_only.lua'",
             prefix, prefix);
    assert_int_equal(system(cmd), 0);
}

static void test_install_runs_from_anywhere_on_its_own_data(void **state)
{
    (void)state;
    char want[700];
    assert_int_equal(run_installed(prefix, "--version"), 0);
    snprintf(want, sizeof want, "game data: %s/share/heard\n", prefix);
    if (!strstr(out, want))
        fail_msg("expected '%s' in:\n%s", want, out);

    add_installed_only_scenario();
    char args[2048], shot[600];
    snprintf(shot, sizeof shot, "%s/players.png", tmpdir);
    snprintf(args, sizeof args,
             "play installed_only --headless --frames 2 --text-runs --screenshot '%s' "
             "--data-dir '%s/data'",
             shot, tmpdir);
    if (run_installed(prefix, args) != 0)
        fail_msg("the installed game did not start: %s", out);
    if (strstr(out, "warning"))
        fail_msg("the installed game warned (its own fonts should be found): %s", out);
    static const char *const words[] = {"Who is playing?", "Only in the installed copy"};
    st_assert_readable(shot, 1280, 720, words, 2);

    /* A whole session, scored with the installed rules and word lists. */
    char input[600];
    snprintf(input, sizeof input, "%s/input.txt", tmpdir);
    bt_copy_input("tests/data/play/microwave-two-rounds.txt", input, tmpdir);
    snprintf(args, sizeof args, "play microwave --headless --input '%s' --data-dir '%s/data'",
             input, tmpdir);
    if (run_installed(prefix, args) != 0 || !strstr(out, "Session saved to"))
        fail_msg("the installed game did not play the session: %s", out);
}

static void test_install_moved_whole_still_finds_its_data(void **state)
{
    (void)state;
    char moved[600], cmd[1400], want[700];
    snprintf(moved, sizeof moved, "%s/moved", tmpdir);
    snprintf(cmd, sizeof cmd, "mv '%s' '%s'", prefix, moved);
    assert_int_equal(system(cmd), 0);
    int rc = run_installed(moved, "--version");
    snprintf(cmd, sizeof cmd, "mv '%s' '%s'", moved, prefix);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(rc, 0);
    snprintf(want, sizeof want, "game data: %s/share/heard\n", moved);
    if (!strstr(out, want))
        fail_msg("expected '%s' in:\n%s", want, out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_install_puts_each_file_where_debian_expects_it),
        cmocka_unit_test(test_install_runs_from_anywhere_on_its_own_data),
        cmocka_unit_test(test_install_moved_whole_still_finds_its_data),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
