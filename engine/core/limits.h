/* limits.h: the limits on what the game reads and keeps, in one place, so every layer
 * agrees on them: how long a player's words may be, a note, a scenario file, a session and
 * one line of its file. docs/hardening.md lists each with the message a player or a coach
 * sees when it is reached.
 *
 * Also the one check of a text against a limit: its length, and that it is UTF-8 with no
 * NUL byte, with a message that says what is wrong and where in the text.
 *
 * Plain C, libc only. */
#ifndef HEARD_LIMITS_H
#define HEARD_LIMITS_H

#include <stddef.h>

/* A player's words: what the reply box holds (2,000 bytes, about 300 words), and the same
 * for every text that stands for one: a scenario's prompts, an example's reply and context,
 * an answer in a saved session, a turn's text and the words it answers, a parked toaster,
 * the reply and context of a row of labelled data (`heard eval`, `heard train`). */
#define LIMITS_TEXT_MAX 2000

/* One note the scenario adds to the transcript (heard.say). */
#define LIMITS_NOTE_MAX ((size_t)1024 * 1024)

/* A scenario file, and a flow library (scripts/lib/floor.lua). Both are stored whole in the
 * first line of every session file, so with LIMITS_LINE_MAX below two of them always fit,
 * even written out as JSON (where one byte may take six). */
#define LIMITS_SOURCE_MAX ((size_t)512 * 1024)

/* A session: turns and bytes of their texts that one match keeps; a scenario that would go
 * past them stops with an error at its line. */
#define LIMITS_SESSION_TURNS 2000
#define LIMITS_SESSION_TEXT ((size_t)16 * 1024 * 1024)

/* One line of a session file, for the writer and the reader alike: a line the writer
 * refuses is never written, and every line written can be read back. */
#define LIMITS_LINE_MAX ((size_t)8 * 1024 * 1024)

/* A whole session file: the writer stops saving before the file passes it (the game plays
 * on and says why), and the reader refuses a larger one. */
#define LIMITS_SESSION_FILE ((size_t)64 * 1024 * 1024)

/* A file of labelled data (CSV) for `heard eval` and `heard train`. */
#define LIMITS_CSV_FILE ((size_t)64 * 1024 * 1024)

/* What limits_check_text found. */
enum {
    LIMITS_OK = 0,
    LIMITS_ERR_LONG = -1, /* more bytes than allowed */
    LIMITS_ERR_NUL = -2,  /* a NUL byte inside the text */
    LIMITS_ERR_UTF8 = -3  /* bytes that are not UTF-8 */
};

/* Checks TEXT (LEN bytes) against MAX bytes, for NUL bytes and for UTF-8. Returns LIMITS_OK,
 * or a LIMITS_ERR_* code with MSG (CAP bytes; may be NULL) saying what is wrong, starting
 * with WHAT: "the reply is 2,345 bytes long; at most 2,000 bytes fit (about 300 words)",
 * "the reply holds a NUL byte (at byte 17)", "the reply is not UTF-8 text (byte 0xE9 at
 * byte 17)". *AT (may be NULL) gets the byte offset of the problem (MAX for a long text). */
int limits_check_text(const char *text, size_t len, size_t max, const char *what, char *msg,
                      size_t cap, size_t *at);

/* Writes N with thousands separators ("2,000") into OUT (CAP bytes). Returns OUT. */
char *limits_format_count(size_t n, char *out, size_t cap);

/* Writes a size as people read it ("512 KiB", "8 MiB", "2,000 bytes") into OUT. Returns
 * OUT. */
char *limits_format_size(size_t bytes, char *out, size_t cap);

#endif
