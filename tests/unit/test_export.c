/* test_export.c: exporting saved sessions for a coach. A real two-round session is played
 * headless through the binary and exported with `heard export`: the Markdown holds every
 * turn's text, every move with its points and reason, the partners' points and the team
 * score; the HTML is one self-contained page (charset, lang, an inline SVG chart with a
 * legend, no scripts, no http references). A hand-written session checks escaping of what
 * players type (<script>, Markdown markup), the summary's counts (ratio, best reflection,
 * toasters still waiting), and the exit codes for bad files, formats and outputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/session/export.h"
#include "game/session/session.h"
#include "tests/support/binary_test.h"

static char tmpdir[256];
static char saved[1024];    /* the session played once for the whole group */
static char handmade[1024]; /* a session written by the writer, with awkward texts */

/* Runs CMD with stdout into OUT (stderr into ERR when not NULL, else dropped); returns the
 * exit code. */
static int run(const char *cmd, char *out, size_t size, char *err, size_t errsize)
{
    char full[4096], errfile[512];
    snprintf(errfile, sizeof errfile, "%s/stderr.txt", tmpdir);
    snprintf(full, sizeof full, "%s 2>'%s'", cmd, errfile);
    int rc = bt_run(full, out, size);
    if (err) {
        FILE *f = fopen(errfile, "r");
        assert_non_null(f);
        size_t len = fread(err, 1, errsize - 1, f);
        err[len] = '\0';
        fclose(f);
    }
    return rc;
}

static void add_move(Turn *t, const char *tag, int points, const char *reason)
{
    Move *m = &t->moves.items[t->moves.count++];
    snprintf(m->tag, sizeof m->tag, "%s", tag);
    snprintf(m->reason, sizeof m->reason, "%s", reason);
    m->points = points;
    t->moves.total += points;
}

/* A short session with a <script> typed by a player, Markdown markup, a reflection, two
 * questions and a toaster parked for good. */
static int write_handmade(void)
{
    SessionHeader h = {0};
    h.scenario_id = "microwave";
    h.scenario_source = "return { id = \"microwave\", title = \"Kitchen <b>&</b> co\", "
                        "description = \"d\", difficulty = 1 }\n";
    h.scenario_title = "Kitchen <b>&</b> co"; /* as a match records it from the table */
    h.rules_hash = "0123456789abcdef";
    h.players[0] = "Ana & <i>Bo</i>";
    h.players[1] = "Ben";
    char dir[300], err[512];
    snprintf(dir, sizeof dir, "%s/hand", tmpdir);
    snprintf(err, sizeof err, "mkdir -p '%s'", dir);
    if (system(err) != 0)
        return -1;
    SessionWriter *w = session_writer_create(dir, &h, handmade, sizeof handmade, err, sizeof err);
    if (!w)
        return -1;
    Turn t[5];
    memset(t, 0, sizeof t);
    const char *texts[5] = {
        "<script>alert('x')</script> *the* microwave | again",
        "Well, my toaster [link](x) is broken too.", "Well, my toaster [link](x) is broken too.",
        "So you're tired of it breaking?\n# not a heading", "What happened? Was it Tuesday?"};
    const char *kinds[5] = {"startup", "reply", "park", "reply", "reply"};
    for (int i = 0; i < 5; i++) {
        t[i].round = 1;
        t[i].player = i == 0 ? 0 : 1;
        t[i].role = i == 0 ? ROLE_CUSTOMER : ROLE_AGENT;
        snprintf(t[i].kind, sizeof t[i].kind, "%s", kinds[i]);
        t[i].text = (char *)texts[i]; /* borrowed: only written */
    }
    add_move(&t[1], "counter_complaint", -4, "brings your own complaint");
    add_move(&t[3], "reflection", 3, "gave back 'breaking' <b>");
    add_move(&t[3], "question_closed", 1, "asked");
    add_move(&t[4], "question_open", 2, "asked 'What happened?'");
    add_move(&t[4], "question_closed", 1, "asked 'Was it Tuesday?'");
    int rc = 0;
    for (int i = 0; i < 5 && rc == 0; i++)
        rc = session_write_turn(w, &t[i]);
    if (rc == 0)
        rc = session_write_end(w, 1, 9000);
    return session_writer_destroy(w) == 0 ? rc : -1;
}

static int group_setup(void **state)
{
    (void)state;
    if (bt_tmpdir_create(tmpdir, sizeof tmpdir, "export") != 0)
        return -1;
    char out[4096];
    if (bt_play_two_rounds(tmpdir, "", saved, sizeof saved, out, sizeof out) != 0) {
        fprintf(stderr, "heard play failed: %s\n", out);
        return -1;
    }
    return write_handmade();
}

static int group_teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

static Session *load(const char *path)
{
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    return s;
}

/* S with & < > " ' written as the HTML writer writes them, into OUT. */
static const char *html_escaped(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 8 < size; s++) {
        const char *e = *s == '&'    ? "&amp;"
                        : *s == '<'  ? "&lt;"
                        : *s == '>'  ? "&gt;"
                        : *s == '"'  ? "&quot;"
                        : *s == '\'' ? "&#39;"
                                     : NULL;
        if (e) {
            memcpy(out + n, e, strlen(e));
            n += strlen(e);
        } else {
            out[n++] = *s;
        }
    }
    out[n] = '\0';
    return out;
}

static char page[1 << 20];

static void test_export_markdown_holds_every_turn_move_and_score(void **state)
{
    (void)state;
    Session *s = load(saved);
    char cmd[2048], want[1024];
    snprintf(cmd, sizeof cmd, "%s export '%s' --format md", bt_bin(), saved);
    assert_int_equal(run(cmd, page, sizeof page, NULL, 0), 0);
    int points[2] = {0, 0};
    for (size_t i = 0; i < s->n_turns; i++) {
        const Turn *t = &s->turns[i];
        if (strcmp(t->kind, "rating") != 0 && strcmp(t->kind, "rated") != 0)
            assert_non_null(strstr(page, t->text));
        if (t->player >= 0)
            points[t->player] += t->moves.total;
        for (int m = 0; m < t->moves.count; m++) {
            const Move *mv = &t->moves.items[m];
            snprintf(want, sizeof want, "- %s %+d: %s\n", moves_name(mv->tag), mv->points,
                     mv->reason);
            assert_non_null(strstr(page, want));
        }
        snprintf(want, sizeof want, "**%d. %s** · %s", t->n,
                 t->player >= 0 ? s->header.players[t->player] : "", export_role_name(t->role));
        if (t->player >= 0)
            assert_non_null(strstr(page, want));
    }
    snprintf(want, sizeof want, "**Team score: %d**", s->team_score);
    assert_non_null(strstr(page, want));
    snprintf(want, sizeof want, "| Points | %d | %d |", points[0], points[1]);
    assert_non_null(strstr(page, want));
    assert_non_null(strstr(page, "| Move | Alex | Sam |"));
    assert_non_null(strstr(page, "**Said it back to questions asked:**"));
    assert_non_null(strstr(page, "### Best saying it back"));
    assert_non_null(strstr(page, "## To take away"));
    assert_non_null(strstr(page, "### Next steps you agreed\n\n- Sam (turn "));
    assert_non_null(strstr(page, "I'll look at microwaves online tonight"));
    assert_non_null(strstr(page, "every parked toaster came back"));
    assert_non_null(strstr(page, "| Felt heard when they listened | 1 of 2 | 1 of 1 |"));
    assert_non_null(strstr(page, "### Round 2"));
    session_free(s);
}

static void test_export_html_is_one_safe_page(void **state)
{
    (void)state;
    Session *s = load(saved);
    char cmd[2048], out_path[600], esc[2048], small[64];
    snprintf(out_path, sizeof out_path, "%s/session.html", tmpdir);
    snprintf(cmd, sizeof cmd, "%s export '%s' --format html -o '%s'", bt_bin(), saved, out_path);
    assert_int_equal(run(cmd, small, sizeof small, NULL, 0), 0);
    assert_string_equal(small, ""); /* nothing on stdout with -o */
    FILE *f = fopen(out_path, "r");
    assert_non_null(f);
    size_t n = fread(page, 1, sizeof page - 1, f);
    page[n] = '\0';
    fclose(f);
    assert_true(strncmp(page, "<!DOCTYPE html>\n<html lang=\"en\">", 32) == 0);
    assert_non_null(strstr(page, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(page, "<svg"));
    assert_non_null(strstr(page, "@media print"));
    assert_non_null(strstr(page, "</html>\n"));
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "<link"));
    assert_null(strstr(page, "src="));
    for (char *p = page; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    assert_null(strstr(page, "http"));
    f = fopen(out_path, "r");
    n = fread(page, 1, sizeof page - 1, f);
    page[n] = '\0';
    fclose(f);
    for (size_t i = 0; i < s->n_turns; i++)
        if (strcmp(s->turns[i].kind, "rating") != 0 && strcmp(s->turns[i].kind, "rated") != 0)
            assert_non_null(strstr(page, html_escaped(s->turns[i].text, esc, sizeof esc)));
    session_free(s);
    /* no partial file is left next to the output */
    snprintf(out_path, sizeof out_path, "%s/session.html.part", tmpdir);
    assert_null(fopen(out_path, "r"));
}

static void test_export_escapes_what_players_type(void **state)
{
    (void)state;
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s export '%s' --format html", bt_bin(), handmade);
    assert_int_equal(run(cmd, page, sizeof page, NULL, 0), 0);
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "<i>Bo"));
    assert_null(strstr(page, "<b>&"));
    assert_null(strstr(page, "'breaking' <b>"));
    assert_non_null(strstr(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert_non_null(strstr(page, "Ana &amp; &lt;i&gt;Bo&lt;/i&gt;"));
    assert_non_null(strstr(page, "Kitchen &lt;b&gt;&amp;&lt;/b&gt; co"));

    snprintf(cmd, sizeof cmd, "%s export '%s' --format md", bt_bin(), handmade);
    assert_int_equal(run(cmd, page, sizeof page, NULL, 0), 0);
    for (const char *p = strchr(page, '<'); p; p = strchr(p + 1, '<'))
        assert_true(p > page && p[-1] == '\\'); /* no raw HTML reaches a Markdown viewer */
    assert_non_null(strstr(page, "> \\<script\\>alert('x')\\</script\\> \\*the\\* microwave \\| "
                                 "again\n"));
    assert_non_null(strstr(page, "Ana \\& \\<i\\>Bo\\</i\\>"));
    assert_non_null(strstr(page, "\\[link\\](x)"));
    /* a line break inside a reply stays a break, and cannot start a heading */
    assert_non_null(strstr(page, "> So you're tired of it breaking?\\\n> \\# not a heading\n"));
}

static void test_export_summary_counts(void **state)
{
    (void)state;
    Session *s = load(handmade);
    ExportSummary sum;
    export_summarize(s, &sum);
    assert_string_equal(sum.title, "Kitchen <b>&</b> co");
    assert_int_equal(sum.stats.points[0], 0);
    assert_int_equal(sum.stats.points[1], -4 + 4 + 3);
    assert_int_equal(sum.stats.reflections[1], 1);
    assert_int_equal(sum.stats.questions[1], 3);
    assert_int_equal(sum.stats.moves[1], 5);
    assert_int_equal(sum.stats.best_reflection, 3);
    assert_int_equal(sum.stats.parked, 1);
    assert_int_equal(sum.stats.returned, 0);
    assert_true(session_stats_waiting(s->turns, s->n_turns, 2));
    assert_false(session_stats_waiting(s->turns, s->n_turns, 1));
    /* the tags in the order of LABELS.md, only those made */
    assert_int_equal(sum.stats.n_tags, 4);
    assert_string_equal(sum.stats.tags[0], "reflection");
    assert_string_equal(sum.stats.tags[1], "question_open");
    assert_string_equal(sum.stats.tags[2], "question_closed");
    assert_int_equal(sum.stats.tag_counts[2][1], 2);
    assert_string_equal(sum.stats.tags[3], "counter_complaint");

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(export_write(s, EXPORT_MARKDOWN, "x.jsonl", f), 0);
    fclose(f);
    assert_non_null(strstr(buf, "1 : 3 (0.3 times said back per question)"));
    assert_non_null(strstr(buf, "### Toasters still parked\n\n- Ben (turn 3, round 1): "
                                "Well, my toaster \\[link\\](x) is broken too.\n"));
    free(buf);
    session_free(s);
}

static void test_export_toaster_that_came_back_is_not_waiting(void **state)
{
    (void)state;
    Session *s = load(saved);
    size_t parks = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        if (strcmp(s->turns[i].kind, "park") == 0) {
            parks++;
            assert_false(session_stats_waiting(s->turns, s->n_turns, i));
        }
    }
    assert_int_equal(parks, 1);
    ExportSummary sum;
    export_summarize(s, &sum);
    assert_int_equal(sum.stats.parked, 1);
    assert_int_equal(sum.stats.returned, 1);
    assert_int_equal(sum.stats.team_score, s->team_score);
    session_free(s);
}

static void test_export_errors_exit_2(void **state)
{
    (void)state;
    char cmd[2048], out[4096], err[4096], path[600];
    snprintf(cmd, sizeof cmd, "%s export '%s' --format pdf", bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out, err, sizeof err), 2);
    assert_non_null(strstr(err, "unknown format 'pdf'"));
    assert_non_null(strstr(err, "usage: heard export FILE"));

    snprintf(path, sizeof path, "%s/nothing.jsonl", tmpdir);
    snprintf(cmd, sizeof cmd, "%s export '%s' --format md", bt_bin(), path);
    assert_int_equal(run(cmd, out, sizeof out, err, sizeof err), 2);
    assert_non_null(strstr(err, path));
    assert_string_equal(out, "");

    snprintf(cmd, sizeof cmd, "head -c 2000 /dev/urandom > '%s'", path);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s export '%s' --format html", bt_bin(), path);
    assert_int_equal(run(cmd, out, sizeof out, err, sizeof err), 2);
    assert_non_null(strstr(err, "not a Heard session file"));

    snprintf(cmd, sizeof cmd, "%s export '%s' -o '%s/no/such/dir/x.md'", bt_bin(), saved, tmpdir);
    assert_int_equal(run(cmd, out, sizeof out, err, sizeof err), 2);
    assert_non_null(strstr(err, "cannot write"));

    snprintf(cmd, sizeof cmd, "%s export", bt_bin());
    assert_int_equal(run(cmd, out, sizeof out, err, sizeof err), 2);
    snprintf(cmd, sizeof cmd, "%s export '%s' --format", bt_bin(), saved);
    assert_int_equal(run(cmd, out, sizeof out, err, sizeof err), 2);
}

static void test_export_format_from_output_name(void **state)
{
    (void)state;
    char cmd[2048], out[64], path[600];
    snprintf(path, sizeof path, "%s/guess.html", tmpdir);
    snprintf(cmd, sizeof cmd, "%s export '%s' -o '%s'", bt_bin(), saved, path);
    assert_int_equal(run(cmd, out, sizeof out, NULL, 0), 0);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(out, sizeof out, f));
    fclose(f);
    assert_string_equal(out, "<!DOCTYPE html>\n");
    ExportFormat fmt;
    assert_int_equal(export_format_parse("markdown", &fmt), 0);
    assert_int_equal(fmt, EXPORT_MARKDOWN);
    assert_int_equal(export_format_parse("HTML5", &fmt), EXPORT_ERR_ARG);
    assert_int_equal(export_write(NULL, EXPORT_HTML, NULL, stdout), EXPORT_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_export_markdown_holds_every_turn_move_and_score),
        cmocka_unit_test(test_export_html_is_one_safe_page),
        cmocka_unit_test(test_export_escapes_what_players_type),
        cmocka_unit_test(test_export_summary_counts),
        cmocka_unit_test(test_export_toaster_that_came_back_is_not_waiting),
        cmocka_unit_test(test_export_errors_exit_2),
        cmocka_unit_test(test_export_format_from_output_name),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
