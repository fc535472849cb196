/* fuzz_session_load.c: libFuzzer target for the session loader and the exports. Each input
 * is written to a temporary file and loaded; whatever the bytes, loading must give a session
 * or a clear error, never a crash, a leak or undefined behaviour. A session that loads is
 * exported in all three formats, whose statistics sum points and count toasters: the HTML
 * page must hold no "<script" and the Markdown no unescaped "<" (every text from the file
 * is escaped), and no export may hold a control character but tab and line feed. Built with
 * -DHEARD_FUZZ=ON (clang); see docs/hardening.md for the command. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game/session/export.h"
#include "game/session/session.h"
#include "tests/fuzz/fuzz_inputs.h"

/* Writes DATA to a fresh temporary file; returns 0 and its name in PATH. */
static int write_temp(const uint8_t *data, size_t size, char *path, size_t path_size)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, path_size, "%s/heard-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(fd);
    return done == size ? 0 : -1;
}

/* Exports S in FORMAT to memory and checks what every export promises. */
static void export_checked(const Session *s, ExportFormat format)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return;
    if (export_write(s, format, "fuzz.jsonl", f) != 0)
        abort();
    fclose(f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)out[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            abort(); /* a terminal escape or a NUL reached the export */
        if (format == EXPORT_MARKDOWN && c == '<' && (i == 0 || out[i - 1] != '\\'))
            abort(); /* markup from the file */
    }
    if (format == EXPORT_HTML && strstr(out, "<script"))
        abort();
    free(out);
}

int fuzz_session_input(const uint8_t *data, size_t size)
{
    char path[512];
    if (write_temp(data, size, path, sizeof path) != 0) {
        unlink(path);
        return 0;
    }
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    /* A failed load always explains itself by naming the file. */
    if (!s && (rep.code == 0 || !strstr(rep.error, path)))
        abort();
    if (s) {
        /* Touch what a replay would read, so bad pointers show up under ASan. */
        size_t sum = strlen(s->header.scenario_source) + strlen(s->header.players[0]) +
                     strlen(s->header.players[1]);
        for (size_t i = 0; i < s->n_turns; i++)
            sum += strlen(s->turns[i].text) + strlen(s->turns[i].kind) +
                   (size_t)s->turns[i].moves.count;
        for (size_t i = 0; i < s->n_answers; i++)
            sum += s->answers[i].text ? strlen(s->answers[i].text) : 0;
        if (sum == (size_t)-1)
            abort();
        export_checked(s, EXPORT_MARKDOWN);
        export_checked(s, EXPORT_HTML);
        export_checked(s, EXPORT_TEXT);
    }
    session_free(s);
    unlink(path);
    return 0;
}

#ifndef FUZZ_NO_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_session_input(data, size);
}
#endif
