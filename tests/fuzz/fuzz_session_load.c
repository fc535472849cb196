/* fuzz_session_load.c: libFuzzer target for the session loader. Each input is written to a
 * temporary file and loaded; whatever the bytes, loading must give a session or a clear
 * error, never a crash, a leak or undefined behaviour. Built with -DHEARD_FUZZ=ON (clang);
 * see docs/session-format.md for the command. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game/session/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
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
    }
    session_free(s);
    unlink(path);
    return 0;
}
