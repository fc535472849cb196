/* test_badinput.c: bad input everywhere, through the real binary played headless from input
 * files, read back from the session file it saved:
 *   - invalid UTF-8 and control characters typed: the stored text is valid UTF-8 with the
 *     bad bytes as U+FFFD and no control characters;
 *   - a 100 KB paste (the paste path: EV_TEXT events of up to 31 bytes, as the app queues a
 *     clipboard): the stored reply is capped, valid UTF-8, a prefix of what was pasted, and
 *     the screen shows a message (the screenshot differs from one of the same text typed
 *     within the cap);
 *   - Return on an empty or blank field: a message on screen, nothing committed;
 *   - the game's font missing, a garbage file, a folder or an empty file in its place: the
 *     system copy of the font stands in with a warning naming the file, or the game says
 *     it cannot open the font;
 *   - the data folder cannot be created (under /proc), is a regular file, or fills up
 *     mid-session (a file size limit): the game plays to the end, exit 0, with a warning that
 *     the session cannot be (completely) saved, and never claims it was saved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/utf8.h"
#include "game/session/session.h"
#include "tests/support/binary_test.h"

#define REPLY_MAX 2000 /* game/screens/play.c: REPLY_MAX_BYTES */
#define SYSTEM_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static char tmpdir[256];
static char out[1 << 16];

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "badinput");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

/* Runs CMD (the callers join its stderr to stdout) into OUT, which the failure messages
 * print; returns the exit status (-1 on a signal). */
static int run(const char *cmd)
{
    return bt_run(cmd, out, sizeof out);
}

/* Writes the input file NAME in the temporary folder; returns its path in PATH. */
static void write_input(const char *name, const char *text, size_t len, char *path, size_t n)
{
    snprintf(path, n, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
}

/* Plays the microwave from INPUT with data in DATA; returns the exit status. */
static int play(const char *input, const char *data)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s play microwave --headless --input %s --data-dir %s 2>&1",
             bt_bin(), input, data);
    return run(cmd);
}

/* Loads the one session file in DATA (fails the test when there is none). */
static Session *load_session(const char *data)
{
    DIR *d = opendir(data);
    assert_non_null(d);
    char path[1024] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 6 && strcmp(e->d_name + len - 6, ".jsonl") == 0)
            snprintf(path, sizeof path, "%s/%s", data, e->d_name);
    }
    closedir(d);
    if (!path[0])
        fail_msg("no session file in %s", data);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    return s;
}

static const Turn *turn_of_kind(const Session *s, const char *kind)
{
    for (size_t i = 0; i < s->n_turns; i++)
        if (strcmp(s->turns[i].kind, kind) == 0)
            return &s->turns[i];
    return NULL;
}

/* Reads a BMP's pixels (after its header); *LEN gets their size. */
static unsigned char *bmp_pixels(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("no screenshot %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)size);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    uint32_t off = buf[10] | buf[11] << 8 | buf[12] << 16 | (uint32_t)buf[13] << 24;
    assert_true(off < (uint32_t)size);
    memmove(buf, buf + off, (size_t)size - off);
    *len = (size_t)size - off;
    return buf;
}

/* How many bytes of pixels differ between two screenshots of the same size. */
static size_t pixels_differing(const char *a, const char *b)
{
    size_t na, nb, diff = 0;
    unsigned char *pa = bmp_pixels(a, &na), *pb = bmp_pixels(b, &nb);
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++)
        diff += pa[i] != pb[i];
    free(pa);
    free(pb);
    return diff;
}

static int valid_utf8(const char *s)
{
    return utf8_validate(s, strlen(s)) == strlen(s);
}

static int has_controls(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7f)
            return 1;
    return 0;
}

#define NAMES "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"

static void test_badinput_typed_invalid_utf8_and_controls_are_repaired(void **state)
{
    (void)state;
    static const char text[] = NAMES "type bad \xff\xfe bytes \xc3 and \x01\x02\x1b[31m codes\tand "
                                     "\x7f del \xed\xa0\x80 surrogate \xf4\x90\x80\x80 end\n"
                                     "key Return\nwait 100\n";
    char input[512], data[512];
    write_input("typed.txt", text, sizeof text - 1, input, sizeof input);
    snprintf(data, sizeof data, "%s/data", tmpdir);
    if (play(input, data) != 0)
        fail_msg("heard play failed: %s", out);
    Session *s = load_session(data);
    const Turn *t = turn_of_kind(s, "startup");
    assert_non_null(t);
    assert_true(valid_utf8(t->text));
    assert_false(has_controls(t->text));
    assert_non_null(strstr(t->text, "\xEF\xBF\xBD")); /* U+FFFD stands for the bad bytes */
    assert_non_null(strstr(t->text, "bad "));
    assert_non_null(strstr(t->text, " end"));
    for (size_t i = 0; i < s->n_answers; i++)
        if (s->answers[i].text)
            assert_true(valid_utf8(s->answers[i].text));
    session_free(s);
}

/* A 100 KB paste of mixed one- to four-byte characters, so the cap falls inside one. */
static char *make_paste(size_t *len)
{
    static const char unit[] = "héllo wörld — ✓ 𝄞 naïve ";
    size_t n = 100 * 1024, u = sizeof unit - 1;
    char *p = malloc(n + 1);
    assert_non_null(p);
    for (size_t i = 0; i < n; i += u)
        memcpy(p + i, unit, n - i < u ? n - i : u);
    p[n] = '\0';
    n = utf8_validate(p, n); /* the last unit may be cut: end on a whole character */
    p[n] = '\0';
    *len = n;
    return p;
}

static void test_badinput_huge_paste_is_capped_with_a_message(void **state)
{
    (void)state;
    size_t plen;
    char *paste = make_paste(&plen);
    size_t cap = plen + 1024;
    char *text = malloc(cap);
    assert_non_null(text);
    char shot_a[512], shot_b[512], input[512], data[512];
    snprintf(shot_a, sizeof shot_a, "%s/paste.bmp", tmpdir);
    snprintf(shot_b, sizeof shot_b, "%s/typed.bmp", tmpdir);

    int n = snprintf(text, cap, NAMES "type %s\nwait 100\nshot %s\nkey Return\nwait 100\n", paste,
                     shot_a);
    write_input("paste.txt", text, (size_t)n, input, sizeof input);
    snprintf(data, sizeof data, "%s/data-paste", tmpdir);
    if (play(input, data) != 0)
        fail_msg("heard play failed: %s", out);
    Session *s = load_session(data);
    const Turn *t = turn_of_kind(s, "startup");
    assert_non_null(t);
    size_t kept = strlen(t->text);
    assert_true(kept > REPLY_MAX / 2);
    assert_true(kept <= REPLY_MAX);
    assert_true(valid_utf8(t->text));
    assert_memory_equal(t->text, paste, kept); /* what fits, in order, nothing else */

    /* The same text typed within the cap: the only difference on screen is the message. */
    n = snprintf(text, cap, NAMES "type %s\nwait 100\nshot %s\n", t->text, shot_b);
    session_free(s);
    write_input("typed.txt", text, (size_t)n, input, sizeof input);
    snprintf(data, sizeof data, "%s/data-typed", tmpdir);
    if (play(input, data) != 0)
        fail_msg("heard play failed: %s", out);
    assert_true(pixels_differing(shot_a, shot_b) > 200);
    free(text);
    free(paste);
}

static void test_badinput_empty_and_blank_replies_show_a_message_and_commit_nothing(void **state)
{
    (void)state;
    char text[2048], input[512], data[512], before[512], after[512];
    snprintf(before, sizeof before, "%s/before.bmp", tmpdir);
    snprintf(after, sizeof after, "%s/after.bmp", tmpdir);
    snprintf(text, sizeof text,
             NAMES "wait 100\nshot %s\nkey Return\nwait 100\nshot %s\n"
                   "type    \nkey Return\n"
                   "type I want a new microwave, ours broke again.\nkey Return\n"
                   "key Return\ntype \t \nkey Return\n"
                   "type You want a new microwave.\nkey Return\nwait 100\n",
             before, after);
    write_input("empty.txt", text, strlen(text), input, sizeof input);
    snprintf(data, sizeof data, "%s/data", tmpdir);
    if (play(input, data) != 0)
        fail_msg("heard play failed: %s", out);
    assert_true(pixels_differing(before, after) > 200); /* the message under the field */
    Session *s = load_session(data);
    size_t texts = 0;
    for (size_t i = 0; i < s->n_answers; i++) {
        if (s->answers[i].kind != SESSION_ANSWER_TEXT)
            continue;
        texts++;
        assert_true(strspn(s->answers[i].text, " \t") < strlen(s->answers[i].text));
    }
    assert_int_equal(texts, 2); /* the startup and the reply, no empty ones */
    for (size_t i = 0; i < s->n_turns; i++)
        assert_true(s->turns[i].text[strspn(s->turns[i].text, " ")] != '\0');
    assert_non_null(turn_of_kind(s, "startup"));
    assert_non_null(turn_of_kind(s, "reply"));
    session_free(s);
}

/* Makes a root with the game's scripts and, in assets/fonts, what SETUP_SH puts there (a
 * shell command run inside that folder); runs the title for one frame from it. */
static int run_with_fonts(const char *name, const char *setup_sh)
{
    char root[512], cmd[4096], cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(root, sizeof root, "%s/%s", tmpdir, name);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/assets/fonts && ln -s %s/scripts %s/scripts && cd %s/assets/fonts && %s",
             root, cwd, root, root, setup_sh);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=%s %s --headless --frames 1 --data-dir %s/data 2>&1",
             root, bt_bin(), tmpdir);
    return run(cmd);
}

static void expect_fallback_or_message(int rc, const char *what)
{
    struct stat st;
    if (stat(SYSTEM_FONT, &st) == 0) {
        /* The system copy of the same font stands in, and the player is told which file
         * failed. */
        if (rc != 0 || !strstr(out, "assets/fonts/DejaVuSans.ttf") || !strstr(out, "warning"))
            fail_msg("%s: expected the system font with a warning, got %d: %s", what, rc, out);
    } else if (rc != 2 || !strstr(out, "font")) {
        fail_msg("%s: expected a message about the font, got %d: %s", what, rc, out);
    }
}

static void test_badinput_broken_font_files_fall_back_or_explain(void **state)
{
    (void)state;
    expect_fallback_or_message(run_with_fonts("missing", "true"), "missing");
    expect_fallback_or_message(run_with_fonts("garbage",
                                              "head -c 70000 /dev/urandom > DejaVuSans.ttf && "
                                              "printf 'not a font' > DejaVuSans-Bold.ttf"),
                               "garbage");
    expect_fallback_or_message(run_with_fonts("empty", ": > DejaVuSans.ttf && : > "
                                                       "DejaVuSans-Bold.ttf"),
                               "empty");
    expect_fallback_or_message(run_with_fonts("folder", "mkdir DejaVuSans.ttf DejaVuSans-Bold.ttf"),
                               "folder");
}

/* Plays the whole microwave session into DATA (under the shell prefix PRE) and checks that
 * it went to the end with a warning and without claiming to have saved. */
static void expect_plays_on_unsaved(const char *pre, const char *data, const char *warning)
{
    char cmd[2048], input[512], line[1024];
    snprintf(input, sizeof input, "%s/whole.txt", tmpdir);
    FILE *in = fopen("tests/data/play/microwave-two-rounds.txt", "r"), *o = fopen(input, "w");
    assert_non_null(in);
    assert_non_null(o);
    while (fgets(line, sizeof line, in))
        if (strncmp(line, "shot ", 5) != 0) /* a full disk could not take them either */
            fputs(line, o);
    fclose(in);
    fclose(o);
    snprintf(cmd, sizeof cmd, "%s %s play microwave --headless --input %s --data-dir %s 2>&1", pre,
             bt_bin(), input, data);
    int rc = run(cmd);
    if (rc != 0)
        fail_msg("%s: exit %d: %s", data, rc, out);
    if (!strstr(out, warning) || !strstr(out, "You can keep playing"))
        fail_msg("%s: no warning '%s': %s", data, warning, out);
    if (strstr(out, "Session saved to"))
        fail_msg("%s: claims the session was saved: %s", data, out);
}

static void test_badinput_unwritable_or_full_data_folder_plays_on_with_a_warning(void **state)
{
    (void)state;
    char data[512];
    expect_plays_on_unsaved("", "/proc/heard-no-such-folder", "cannot be saved");
    snprintf(data, sizeof data, "%s/a-file", tmpdir);
    FILE *f = fopen(data, "w");
    assert_non_null(f);
    fclose(f);
    expect_plays_on_unsaved("", data, "cannot be saved");

    /* A full disk, mid-session: files may not grow past 32 blocks of 512 bytes (SIGXFSZ
     * ignored, so a write fails with EFBIG as on a full disk): more than the header, which
     * holds the scenario's and floor.lua's sources (about 13 KB), less than the whole session
     * (about 20 KB). What was written before still loads. */
    snprintf(data, sizeof data, "%s/full", tmpdir);
    assert_int_equal(mkdir(data, 0755), 0);
    expect_plays_on_unsaved("trap '' XFSZ; ulimit -f 32;", data, "Saving stopped");
    Session *s = load_session(data);
    assert_string_equal(s->header.scenario_id, "microwave");
    session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_badinput_typed_invalid_utf8_and_controls_are_repaired,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_badinput_huge_paste_is_capped_with_a_message, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_badinput_empty_and_blank_replies_show_a_message_and_commit_nothing, setup,
            teardown),
        cmocka_unit_test_setup_teardown(test_badinput_broken_font_files_fall_back_or_explain, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            test_badinput_unwritable_or_full_data_folder_plays_on_with_a_warning, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
