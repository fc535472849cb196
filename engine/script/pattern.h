/* pattern.h: Lua's string patterns (the Lua 5.4 reference manual, §6.4.1), matched with a
 * step count so that a pattern that backtracks can be stopped. The sandbox's string.find,
 * match, gmatch and gsub (script_string.c) are built on it; Lua's own matcher cannot be
 * stopped, because it runs in C where the instruction budget never looks.
 *
 * Every unit of work (one pattern item tried, one character taken by a repetition or a
 * %b, one position given back when backtracking, a set's or a back-reference's length in
 * bytes / 16) is a step. Every PATTERN_QUANTUM steps the matcher calls its charge function,
 * which may stop it; the match then ends with PATTERN_ERR_STOPPED.
 *
 * Depends on: libc only. Subject and pattern are byte strings with their lengths; neither
 * needs a terminating NUL.
 */
#ifndef HEARD_PATTERN_H
#define HEARD_PATTERN_H

#include <stddef.h>

#define PATTERN_MAX_CAPTURES 32 /* as Lua's LUA_MAXCAPTURES */
#define PATTERN_MAX_DEPTH 200   /* nested items before "pattern too complex", as Lua's */
#define PATTERN_QUANTUM 1024    /* steps between two calls of the charge function */

/* A capture's length when it is a position capture "()", or still open. */
enum { PATTERN_CAP_POSITION = -2, PATTERN_CAP_UNFINISHED = -1 };

/* What stopped a match (0 is none). */
enum {
    PATTERN_OK = 0,
    PATTERN_ERR_STOPPED = -1,      /* the charge function said stop */
    PATTERN_ERR_ENDS_PERCENT = -2, /* malformed pattern (ends with '%') */
    PATTERN_ERR_MISSING_BRACKET = -3,
    PATTERN_ERR_FRONTIER = -4,      /* missing '[' after '%f' */
    PATTERN_ERR_BALANCE = -5,       /* missing arguments to '%b' */
    PATTERN_ERR_CAPTURE_INDEX = -6, /* %N names no closed capture; see error_index */
    PATTERN_ERR_CLOSE = -7,         /* ')' with no open capture */
    PATTERN_ERR_TOO_MANY = -8,
    PATTERN_ERR_TOO_COMPLEX = -9
};

/* Receives STEPS more steps; returns nonzero to stop the match. */
typedef int (*PatternCharge)(void *ud, long steps);

typedef struct PatternCapture {
    const char *init;
    ptrdiff_t len; /* bytes, or PATTERN_CAP_POSITION / PATTERN_CAP_UNFINISHED */
} PatternCapture;

/* One subject and one pattern, and the state of the match under way. Fill it with
 * pattern_begin; the fields are read by the caller after a match. */
typedef struct Pattern {
    const char *src_init, *src_end;
    const char *p_init, *p_end;
    int level; /* captures in capture[] */
    PatternCapture capture[PATTERN_MAX_CAPTURES];
    int error;       /* PATTERN_OK or a PATTERN_ERR_* code */
    int error_index; /* for PATTERN_ERR_CAPTURE_INDEX: the N of %N */
    int depth;       /* items that may still nest */
    long steps;      /* steps not yet given to charge */
    PatternCharge charge;
    void *ud;
} Pattern;

/* Prepares M for subject S (LS bytes) and pattern P (LP bytes). CHARGE receives the steps
 * (with UD); it may be NULL for no limit. */
void pattern_begin(Pattern *m, const char *s, size_t ls, const char *p, size_t lp,
                   PatternCharge charge, void *ud);

/* Matches the pattern from AT (a pointer into the subject) at that position only, from
 * pattern position PAT (p_init, or one past a leading '^'). Returns the end of the match,
 * or NULL when it does not match or m->error is set. Captures are in m->capture[0..level). */
const char *pattern_match(Pattern *m, const char *at, const char *pat);

/* Whether P (LP bytes) holds none of the characters that make a pattern more than text. */
int pattern_is_plain(const char *p, size_t lp);

/* Finds the text P (LP bytes) in the subject of M from offset INIT. Returns its offset, or
 * -1 when absent or stopped (m->error). The steps are charged as the scan goes. */
ptrdiff_t pattern_find_text(Pattern *m, size_t init, const char *p, size_t lp);

/* Gives the steps not yet charged to the charge function. Returns nonzero (and sets
 * m->error) when it said stop. */
int pattern_flush(Pattern *m);

/* Adds N steps (for work the caller does on the pattern's behalf); 0, or nonzero when the
 * charge function said stop. */
int pattern_add_steps(Pattern *m, long n);

/* The message for m->error, as Lua words it ("malformed pattern (missing ']')"), in BUF. */
const char *pattern_error_text(const Pattern *m, char *buf, size_t size);

#endif
