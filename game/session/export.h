/* export.h: a saved session written out for a coach or a couple: the transcript (who said
 * what, in which role and kind of turn, the moves the rules saw with points and reasons)
 * and a summary (team score, each partner's points, moves per partner, the
 * reflection-to-question ratio, the best reflection, parked toasters still waiting).
 *
 * Formats: GitHub-flavoured Markdown; one self-contained HTML file (inline CSS with a print
 * stylesheet, the moves-per-partner chart as inline SVG, no scripts, nothing fetched); and
 * plain text for a terminal. Everything is read from the Session as recorded; nothing is
 * re-scored (see replay.h for that).
 *
 * Depends on: game/session, game/scenario (to read the stored scenario's title). No SDL. */
#ifndef HEARD_EXPORT_H
#define HEARD_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "game/turn/moves.h"
#include "game/session/session.h"

/* Results: 0 or one of these. */
enum {
    EXPORT_OK = 0,
    EXPORT_ERR_ARG = -1, /* no session, no output, or an unknown format */
    EXPORT_ERR_IO = -2   /* writing failed; errno says why */
};

typedef enum ExportFormat { EXPORT_MARKDOWN, EXPORT_HTML, EXPORT_TEXT } ExportFormat;

/* Reads a format name: "md" or "markdown", "html", "text" or "txt". Returns 0 and sets
 * *OUT, or EXPORT_ERR_ARG for anything else. */
int export_format_parse(const char *name, ExportFormat *out);

#define EXPORT_TAGS_MAX 32

/* What the summary says, counted from the recorded turns. */
typedef struct ExportSummary {
    char title[128]; /* the scenario's title from the stored source, else its id */
    int team_score;  /* from the end line, else the sum of the turns' points */
    int points[2];   /* each partner's points */
    int turns[2];    /* each partner's turns (ratings and parks included) */
    int moves[2];    /* how many moves each partner made */
    int reflections[2];
    int questions[2]; /* question_open and question_closed */
    int n_tags;       /* tags seen, in the order of docs/moves.md, then any others */
    char tags[EXPORT_TAGS_MAX][MOVE_TAG_MAX];
    int tag_counts[EXPORT_TAGS_MAX][2]; /* how often each partner made each tag */
    long best_reflection; /* index of the turn: the highest-scoring reply with a reflection
                             (the earliest of equals); -1 when nobody reflected */
    int n_waiting;        /* parked toasters that never came back (see export_is_waiting) */
} ExportSummary;

/* Counts the summary of S into OUT. */
void export_summarize(const Session *s, ExportSummary *out);

/* 1 when turn I of S is a "park" whose text never came back as a later startup (a toaster
 * still waiting for its turn), else 0. */
int export_is_waiting(const Session *s, size_t i);

/* Writes session S in FORMAT to OUT. NAME is the session file's name, shown at the foot
 * (may be NULL). Returns 0, EXPORT_ERR_ARG, or EXPORT_ERR_IO when OUT reports an error. */
int export_write(const Session *s, ExportFormat format, const char *name, FILE *out);

/* The HTML writer (export_html.c), called by export_write with the summary counted. */
int export_write_html(const Session *s, const ExportSummary *sum, const char *name, FILE *out);

/* Shared by the writers: "customer" or "service agent"; a rating's words ("Got it") for
 * its recorded text ("got_it"), or the text itself when unknown. */
const char *export_role_name(Role role);
const char *export_rating_words(const char *text);

/* "2026-11-22 09:15 UTC" from an ISO 8601 time in BUF, or the text as it is. */
const char *export_when(const char *started, char *buf, size_t size);

#endif
