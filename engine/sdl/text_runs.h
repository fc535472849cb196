/* text_runs.h: a log of the text drawn in one frame — each line with the rectangle its
 * pixels went to and the box it was meant to stay in — kept by the text layer while a test
 * asks for it (txt_record in text.h), so a test can check what a player would read: that no
 * two lines overlap, that none is cut off by the window or by its box, and that the expected
 * words are on screen. Plain C: the text layer measures, this module only keeps and writes.
 *
 * The file format (text_runs_write), one line per run after a first "window W H" line, the
 * fields separated by tabs:
 *   run X Y W H BX BY BW BH FLAGS COLOR TEXT
 * X Y W H is the run's rectangle in pixels (top-left, the width drawn and the font's height),
 * BX BY BW BH its box, FLAGS "-" or a comma-joined list of "scroll" (the box is a view that
 * scrolls, so a run cut at its top or bottom edge is expected) and "dropped" (a wrapped line
 * that fell below its box and was not drawn), COLOR the text's colour as "#rrggbb", and TEXT
 * the line with '\' written "\\", a tab "\t" and a newline "\n".
 */
#ifndef HEARD_TEXT_RUNS_H
#define HEARD_TEXT_RUNS_H

#include <stddef.h>

#include "engine/sdl/text.h"

enum { TEXT_RUN_SCROLL = 1, TEXT_RUN_DROPPED = 2 };

typedef struct TextRun {
    char *text; /* owned by the log */
    Rect rect, box;
    unsigned flags; /* TEXT_RUN_* */
    Color color;    /* the colour it was drawn in */
} TextRun;

typedef struct TextRuns TextRuns;

/* An empty log. NULL when out of memory. */
TextRuns *text_runs_create(void);
void text_runs_destroy(TextRuns *l); /* NULL is a no-op */

/* Adds a run to the frame being drawn. Past TEXT_RUNS_MAX runs a frame, or out of memory,
 * the run is counted as lost instead (text_runs_write says so). */
#define TEXT_RUNS_MAX 4096
void text_runs_add(TextRuns *l, const char *text, size_t len, Rect rect, Rect box, unsigned flags,
                   Color color);

/* Ends the frame being drawn: it becomes the last frame, and a new one starts empty. */
void text_runs_end_frame(TextRuns *l, int width, int height);

/* The runs of the last frame ended, borrowed until the next text_runs_end_frame. */
size_t text_runs_last(const TextRuns *l, const TextRun **runs);

/* Writes the last frame to PATH in the format above. Returns 0, or -1 with ERR filled
 * ("could not write PATH: reason") when the file cannot be written or runs were lost. */
int text_runs_write(const TextRuns *l, const char *path, char *err, size_t errlen);

#endif
