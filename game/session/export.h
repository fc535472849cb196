/* export.h: a saved session written out for a coach or a couple: the transcript (who said
 * what, in which role and kind of turn, the moves the rules saw with points and reasons)
 * and a summary (team score, each partner's points, moves per partner, the
 * reflection-to-question ratio, the best reflection, parked toasters still waiting), the
 * figures counted once by session_stats.
 *
 * Formats: GitHub-flavoured Markdown; one self-contained HTML file (inline CSS with a print
 * stylesheet, the moves-per-partner chart as inline SVG, no scripts, nothing fetched); and
 * plain text for a terminal. Everything is read from the Session as recorded; nothing is
 * re-scored (see replay.h for that).
 *
 * Depends on: game/session, engine/core. No SDL. The title comes from the header as played;
 * nothing runs the stored scenario. */
#ifndef HEARD_EXPORT_H
#define HEARD_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "game/turn/moves.h"
#include "game/session/session.h"
#include "game/session/stats.h"

/* Results: 0 or one of these. */
enum {
    EXPORT_OK = 0,
    EXPORT_ERR_ARG = -50, /* no session, no output, or an unknown format */
    EXPORT_ERR_IO = -51   /* writing failed; errno says why */
};

typedef enum ExportFormat { EXPORT_MARKDOWN, EXPORT_HTML, EXPORT_TEXT } ExportFormat;

/* Reads a format name: "md" or "markdown", "html", "text" or "txt". Returns 0 and sets
 * *OUT, or EXPORT_ERR_ARG for anything else. */
int export_format_parse(const char *name, ExportFormat *out);

/* What the summary says: the scenario's title and the session's figures (stats.h). */
typedef struct ExportSummary {
    char title[128];              /* the scenario's title as the header records it, else its id */
    SessionStats stats;           /* counted from the recorded turns */
    const unsigned char *waiting; /* per turn, 1 for a toaster still waiting
                                     (session_stats_waiting_marks); NULL: ask per turn */
} ExportSummary;

/* Counts the summary of S into OUT. */
void export_summarize(const Session *s, ExportSummary *out);

/* Writes session S in FORMAT to OUT. NAME is the session file's name, shown at the foot
 * (may be NULL). Returns 0, EXPORT_ERR_ARG, or EXPORT_ERR_IO when OUT reports an error. */
int export_write(const Session *s, ExportFormat format, const char *name, FILE *out);

/* The HTML writer (export_html.c), called by export_write with the summary counted. */
int export_write_html(const Session *s, const ExportSummary *sum, const char *name, FILE *out);

/* Shared by the writers: "customer" or "service agent"; a rating's words ("Got it") for
 * its recorded text ("got_it"), or the text itself when unknown. */
const char *export_role_name(Role role);
const char *export_rating_words(const char *text);

/* Whether turn I of S is a toaster still waiting: SUM->waiting's answer, or asked alone. */
int export_waiting(const Session *s, const ExportSummary *sum, size_t i);

/* How often PLAYER's partner said Got it to PLAYER's listening: "1 of 2", or "not rated",
 * into BUF. */
const char *export_felt_heard(const SessionStats *st, int player, char *buf, size_t size);

/* One sentence on the toasters of ST that is true of them: none parked, every one come
 * back (only then "every grievance had its turn"), some still waiting, or one not parked. */
const char *export_toasters_words(const SessionStats *st);

/* "2026-11-22 09:15 UTC" from an ISO 8601 time in BUF, or the text as it is. */
const char *export_when(const char *started, char *buf, size_t size);

#endif
