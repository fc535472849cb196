/* test_journal.c: append-only line files on real files in a temporary folder: lines come
 * back as written, a torn last line is dropped with a warning, long lines are skipped at
 * the cap, and failures name the path and the reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/core/journal.h"

typedef struct Fixture {
    char dir[64];
    char path[128];
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    strcpy(f->dir, "/tmp/heard-journal-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/j.jsonl", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    DIR *d = opendir(f->dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char p[512];
        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(f->dir);
    free(f);
    return 0;
}

/* Collects what the reader hands over. */
typedef struct Collected {
    int n;
    char text[8][256];
    long number[8];
    size_t len[8];
    int too_long[8];
    int stop_after; /* stop after this many lines; 0 = never */
} Collected;

static int collect(void *ud, const JournalLine *line)
{
    Collected *c = ud;
    if (c->n < 8) {
        c->number[c->n] = line->number;
        c->len[c->n] = line->len;
        c->too_long[c->n] = line->too_long;
        snprintf(c->text[c->n], sizeof c->text[0], "%s", line->text ? line->text : "(none)");
    }
    c->n++;
    return c->stop_after && c->n >= c->stop_after;
}

static void write_raw(const char *path, const char *bytes, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

/* Writes a line of LEN copies of C. */
static void put_repeated(FILE *fp, char c, size_t len)
{
    char block[4096];
    memset(block, c, sizeof block);
    while (len) {
        size_t n = len < sizeof block ? len : sizeof block;
        assert_int_equal(fwrite(block, 1, n, fp), n);
        len -= n;
    }
}

static void test_journal_lines_come_back_as_written(void **state)
{
    Fixture *f = *state;
    char err[256];
    Journal *j = journal_open_append(f->path, 0, NULL, err, sizeof err);
    assert_non_null(j);
    assert_string_equal(journal_path(j), f->path);
    assert_int_equal(journal_append_line(j, "{\"a\":1}", 7, 1), 0);
    assert_int_equal(journal_append_line(j, "", 0, 0), 0);
    assert_int_equal(journal_append_line(j, "Zoë sagt: 日本", strlen("Zoë sagt: 日本"), 1), 0);
    assert_int_equal(journal_close(j), 0);
    /* Reopening appends after what is there; nothing is overwritten. */
    j = journal_open_append(f->path, 0, NULL, err, sizeof err);
    assert_non_null(j);
    assert_int_equal(journal_append_line(j, "last", 4, 1), 0);
    assert_int_equal(journal_close(j), 0);

    Collected c = {0};
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), 0);
    assert_int_equal(c.n, 4);
    assert_string_equal(c.text[0], "{\"a\":1}");
    assert_string_equal(c.text[1], "");
    assert_string_equal(c.text[2], "Zoë sagt: 日本");
    assert_string_equal(c.text[3], "last");
    assert_int_equal(c.number[3], 4);
    assert_int_equal(info.lines, 4);
    assert_int_equal(info.torn_line, 0);
    assert_string_equal(info.message, "");
}

static void test_journal_refuses_a_line_with_a_newline_inside(void **state)
{
    Fixture *f = *state;
    Journal *j = journal_open_append(f->path, 0, NULL, NULL, 0);
    assert_non_null(j);
    assert_int_equal(journal_append_line(j, "one\ntwo", 7, 1), JOURNAL_ERR_NEWLINE);
    assert_int_equal(journal_close(j), 0);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_size, 0); /* nothing was written */
    mode_t mask = umask(022);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0644 & ~mask);
}

/* One limit for writer and reader: a line the reader would skip is never written, and the
 * longest line the writer takes comes back whole. */
static void test_journal_writer_and_reader_share_the_line_limit(void **state)
{
    Fixture *f = *state;
    Journal *j = journal_open_append(f->path, 0, NULL, NULL, 0);
    assert_non_null(j);
    char *line = malloc(JOURNAL_LINE_MAX + 1);
    assert_non_null(line);
    memset(line, 'x', JOURNAL_LINE_MAX + 1);
    assert_int_equal(journal_append_line(j, line, JOURNAL_LINE_MAX + 1, 0), JOURNAL_ERR_TOO_LONG);
    assert_int_equal(journal_append_line(j, line, JOURNAL_LINE_MAX, 0), 0);
    assert_int_equal(journal_close(j), 0);
    free(line);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_size, JOURNAL_LINE_MAX + 1); /* only the line that fits, and its \n */
    Collected c = {0};
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), 0);
    assert_int_equal(info.lines, 1);
    assert_int_equal(info.long_lines, 0);
}

/* A FIFO is refused at once (reading it would wait for a writer forever), and a file over
 * the cap on the whole file is refused before a byte is read. */
static void test_journal_reads_regular_files_within_the_cap(void **state)
{
    Fixture *f = *state;
    char fifo[160];
    snprintf(fifo, sizeof fifo, "%s/pipe.jsonl", f->dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    Collected c = {0};
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(fifo, collect, &c, &info), JOURNAL_ERR_IO);
    assert_non_null(strstr(info.message, "it is a FIFO (a named pipe), not a file"));
    assert_int_equal(info.bytes, 0);
    unlink(fifo);
    write_raw(f->path, "one\ntwo\n", 8);
    info.max_bytes = 7;
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), JOURNAL_ERR_TOO_BIG);
    assert_non_null(strstr(info.message, "is 8 bytes, larger than the 7 bytes read"));
    assert_int_equal(c.n, 0);
    info.max_bytes = 8;
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), 0);
    assert_int_equal(info.lines, 2);
}

static void test_journal_torn_last_line_is_dropped_with_a_warning(void **state)
{
    Fixture *f = *state;
    const char *torn = "first\nsecond\n{\"type\":\"tu";
    write_raw(f->path, torn, strlen(torn));
    Collected c = {0};
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.text[1], "second");
    assert_int_equal(info.torn_line, 3);
    assert_int_equal(info.torn_bytes, 11);
    assert_non_null(strstr(info.message, f->path));
    assert_non_null(strstr(info.message, ":3:"));
    assert_non_null(strstr(info.message, "dropped"));
}

static void test_journal_missing_and_empty_files_differ(void **state)
{
    Fixture *f = *state;
    Collected c = {0};
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), JOURNAL_ERR_MISSING);
    assert_non_null(strstr(info.message, f->path));
    assert_non_null(strstr(info.message, "No such file"));
    write_raw(f->path, "", 0);
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), JOURNAL_ERR_EMPTY);
    assert_non_null(strstr(info.message, "empty"));
    assert_int_equal(c.n, 0);
    /* A folder is neither: an input/output error naming it. */
    assert_int_equal(journal_read_lines(f->dir, collect, &c, &info), JOURNAL_ERR_IO);
    assert_non_null(strstr(info.message, f->dir));
}

static void test_journal_line_over_the_cap_is_skipped_and_reported(void **state)
{
    Fixture *f = *state;
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    fputs("before\n", fp);
    put_repeated(fp, 'x', 5000);
    fputs("\nafter\n", fp);
    put_repeated(fp, 'y', 1000); /* exactly the cap: kept */
    fputs("\n", fp);
    assert_int_equal(fclose(fp), 0);

    Collected c = {0};
    JournalReadInfo info = {0};
    info.max_line = 1000;
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), 0);
    assert_int_equal(c.n, 4);
    assert_string_equal(c.text[0], "before");
    assert_int_equal(c.number[1], 2);
    assert_true(c.too_long[1]);
    assert_int_equal(c.len[1], 5000);
    assert_string_equal(c.text[1], "(none)");
    assert_string_equal(c.text[2], "after");
    assert_false(c.too_long[3]);
    assert_int_equal(c.len[3], 1000);
    assert_int_equal(info.long_lines, 1);
}

static int check_big_line(void *ud, const JournalLine *line)
{
    size_t *seen = ud;
    if (line->number == 2) {
        for (size_t i = 0; i < line->len; i++)
            if (line->text[i] != (char)('a' + i % 26))
                return 1;
    }
    seen[line->number - 1] = line->len;
    return 0;
}

static void test_journal_lines_longer_than_a_read_block_stay_whole(void **state)
{
    Fixture *f = *state;
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    fputs("short\n", fp);
    for (size_t i = 0; i < 300000; i++)
        fputc('a' + (int)(i % 26), fp);
    fputs("\nend\n", fp);
    assert_int_equal(fclose(fp), 0);
    size_t seen[3] = {0};
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(f->path, check_big_line, seen, &info), 0);
    assert_false(info.stopped); /* the content matched byte for byte */
    assert_int_equal(seen[0], 5);
    assert_int_equal(seen[1], 300000);
    assert_int_equal(seen[2], 3);
}

static void test_journal_callback_can_stop_reading(void **state)
{
    Fixture *f = *state;
    write_raw(f->path, "a\nb\nc\ntorn", 10);
    Collected c = {0};
    c.stop_after = 2;
    JournalReadInfo info = {0};
    assert_int_equal(journal_read_lines(f->path, collect, &c, &info), 0);
    assert_int_equal(c.n, 2);
    assert_true(info.stopped);
    assert_int_equal(info.torn_line, 0); /* not reached, not reported */
}

static void test_journal_open_failure_names_path_and_reason(void **state)
{
    Fixture *f = *state;
    char path[256], err[256];
    int code = 0;
    snprintf(path, sizeof path, "%s/no-such-folder/j.jsonl", f->dir);
    assert_null(journal_open_append(path, 0, &code, err, sizeof err));
    assert_int_equal(code, JOURNAL_ERR_IO);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "No such file or directory"));

    /* A file where a folder should be fails even for root. */
    write_raw(f->path, "x\n", 2);
    snprintf(path, sizeof path, "%s/inside.jsonl", f->path);
    assert_null(journal_open_append(path, 0, &code, err, sizeof err));
    assert_non_null(strstr(err, "Not a directory"));

    /* JOURNAL_EXCLUSIVE refuses an existing file. */
    assert_null(journal_open_append(f->path, JOURNAL_EXCLUSIVE, &code, err, sizeof err));
    assert_int_equal(code, JOURNAL_ERR_EXISTS);

    /* A read-only folder: only meaningful when we are not allowed to write there. */
    char ro[128];
    snprintf(ro, sizeof ro, "%s/ro", f->dir);
    assert_int_equal(mkdir(ro, 0555), 0);
    snprintf(path, sizeof path, "%s/j.jsonl", ro);
    if (access(ro, W_OK) != 0) {
        assert_null(journal_open_append(path, 0, &code, err, sizeof err));
        assert_non_null(strstr(err, "Permission denied"));
    }
    unlink(path);
    rmdir(ro);
}

static void test_journal_full_disk_reports_the_error(void **state)
{
    (void)state;
    /* /dev/full accepts the open and fails every write with ENOSPC, like a full disk. */
    if (access("/dev/full", W_OK) != 0)
        skip();
    Journal *j = journal_open_append("/dev/full", 0, NULL, NULL, 0);
    assert_non_null(j);
    errno = 0;
    assert_int_equal(journal_append_line(j, "turn", 4, 1), JOURNAL_ERR_IO);
    assert_int_equal(errno, ENOSPC);
    assert_int_equal(journal_close(j), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_journal_lines_come_back_as_written, setup, teardown),
        cmocka_unit_test_setup_teardown(test_journal_refuses_a_line_with_a_newline_inside, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_journal_writer_and_reader_share_the_line_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_journal_reads_regular_files_within_the_cap, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_journal_torn_last_line_is_dropped_with_a_warning,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_journal_missing_and_empty_files_differ, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_journal_line_over_the_cap_is_skipped_and_reported,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_journal_lines_longer_than_a_read_block_stay_whole,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_journal_callback_can_stop_reading, setup, teardown),
        cmocka_unit_test_setup_teardown(test_journal_open_failure_names_path_and_reason, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_journal_full_disk_reports_the_error, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
