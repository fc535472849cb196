/* scenario_text.h: reading a scenario's source as text, for error messages that point at
 * the right line (where `title =` is written) and for "did you mean ...?" suggestions.
 * Plain C, no Lua: a small scanner that knows Lua's comments and strings. */
#ifndef HEARD_SCENARIO_TEXT_H
#define HEARD_SCENARIO_TEXT_H

#include <stddef.h>

/* The line (1-based) of the NTH (1-based) place at or after line FROM where FIELD is
 * assigned (`FIELD =`, not `==`), outside comments and strings. Returns 0 when not found. */
int scenario_text_field_line(const char *src, size_t len, const char *field, int from, int nth);

/* Fills LINES (room for N) with the lines of the first N places at or after line FROM
 * where FIELD is assigned, as scenario_text_field_line finds them one by one, in one pass
 * over the source (asking for the NTH of many one at a time would read it again for each).
 * Entries with no such place are 0. Returns how many were found. */
size_t scenario_text_field_lines(const char *src, size_t len, const char *field, int from,
                                 int *lines, size_t n);

/* The line of the last `return` outside comments and strings, or 0 when there is none. */
int scenario_text_return_line(const char *src, size_t len);

/* Optimal-string-alignment edit distance between A and B (bytes), capped at 99. */
int scenario_text_distance(const char *a, const char *b);

#endif
